using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Indicators;

/// <summary>The catalogue, paged; retired indicators only when asked for (pickers offer the ones in use).</summary>
public sealed record ListIndicatorsQuery(string? Search = null, IndicatorKind? Kind = null, int Page = 1, int PageSize = 50, bool IncludeRetired = false)
    : IQuery<Result<PagedResult<IndicatorSummary>>>;

public sealed record IndicatorSummary(Guid Id, string Code, string Name, IndicatorKind Kind, string? Unit, int Decimals, string Source, string Team, int Version, bool Retired = false, string? Formula = null);

public sealed class ListIndicatorsValidator : AbstractValidator<ListIndicatorsQuery>
{
    public ListIndicatorsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("De pagina is 1 of hoger.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("Een pagina heeft 1 tot 200 regels.");
        RuleFor(q => q.Search).MaximumLength(200).WithMessage("Zoek met hooguit 200 tekens.");
    }
}

public sealed class ListIndicatorsHandler(IDbContextFactory<GovernanceDbContext> dbFactory)
    : IQueryHandler<ListIndicatorsQuery, Result<PagedResult<IndicatorSummary>>>
{
    public async ValueTask<Result<PagedResult<IndicatorSummary>>> Handle(ListIndicatorsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The current definition is the one with the highest version of its indicator.
        var current = db.IndicatorDefinitions.Where(d =>
            d.VersionNumber == db.IndicatorDefinitions.Where(x => x.IndicatorId == d.IndicatorId).Max(x => x.VersionNumber));
        var rows = from indicator in db.Indicators
                   join definition in current on indicator.Id equals definition.IndicatorId
                   join team in db.Teams on definition.ResponsibleTeamId equals team.Id
                   select new { indicator, definition, team };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = SearchText.Pattern(query.Search);
            rows = rows.Where(r => EF.Functions.Like(SearchText.Folded(r.indicator.Code), term, SearchText.Escape)
                || EF.Functions.Like(SearchText.Folded(r.definition.Name), term, SearchText.Escape));
        }

        if (!query.IncludeRetired)
        {
            rows = rows.Where(r => r.indicator.RetiredOn == null);
        }

        if (query.Kind is { } kind)
        {
            rows = rows.Where(r => r.definition.Kind == kind);
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.indicator.Code)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new IndicatorSummary(r.indicator.Id.Value, r.indicator.Code, r.definition.Name, r.definition.Kind, r.definition.Unit,
                r.definition.Decimals, r.definition.Source, r.team.Name, r.definition.VersionNumber, r.indicator.RetiredOn != null, r.definition.Formula))
            .ToListAsync(cancellationToken);
        return new PagedResult<IndicatorSummary>(items, total, query.Page, query.PageSize);
    }
}
