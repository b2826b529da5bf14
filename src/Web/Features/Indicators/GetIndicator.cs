using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Indicators;

public sealed record GetIndicatorQuery(Guid Id) : IQuery<Result<IndicatorDetails>>;

/// <summary>An indicator with every version of its definition, newest first; <see cref="Version"/> is its concurrency token for a revision.</summary>
public sealed record IndicatorDetails(Guid Id, string Code, int Version, DateOnly? RetiredOn, IReadOnlyList<DefinitionVersion> Versions);

public sealed record DefinitionVersion(
    int Version,
    DateTime ValidFromUtc,
    string Name,
    string Definition,
    IndicatorKind Kind,
    string? Unit,
    int Decimals,
    string Source,
    Guid ResponsibleTeamId,
    string ResponsibleTeam,
    GoodDirection GoodDirection,
    Baseline? Baseline,
    Target? Target,
    IReadOnlyList<string> Categories,
    BreakdownNature Nature,
    bool InMillions,
    string? Formula = null,
    string? Benchmark = null,
    string? Caveat = null);

public sealed class GetIndicatorHandler(IDbContextFactory<GovernanceDbContext> dbFactory)
    : IQueryHandler<GetIndicatorQuery, Result<IndicatorDetails>>
{
    public async ValueTask<Result<IndicatorDetails>> Handle(GetIndicatorQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new IndicatorId(query.Id);
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Definitions).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return new NotFound("Indicator");
        }

        var teamIds = indicator.Definitions.Select(d => d.ResponsibleTeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return new IndicatorDetails(indicator.Id.Value, indicator.Code, indicator.Version, indicator.RetiredOn, [.. indicator.Definitions
            .OrderByDescending(d => d.VersionNumber)
            .Select(d => new DefinitionVersion(d.VersionNumber, d.ValidFromUtc, d.Name, d.Definition, d.Kind, d.Unit, d.Decimals, d.Source,
                d.ResponsibleTeamId.Value, teams.GetValueOrDefault(d.ResponsibleTeamId, "?"), d.GoodDirection, d.Baseline, d.Target, d.Categories, d.Nature, d.InMillions, d.Formula, d.Benchmark, d.Caveat))]);
    }
}
