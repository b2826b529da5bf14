using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>Reporting cycles of the municipality; every filter optional, paged on the server, soonest deadline first.</summary>
public sealed record ListReportingCyclesQuery(
    ReportingCycleStatus? Status = null,
    string? Period = null,
    Guid? ObligationId = null,
    Guid? TeamId = null,
    bool? Overdue = null,
    int Page = 1,
    int PageSize = 25) : IQuery<Result<PagedResult<CycleSummary>>>;

public sealed record CycleSummary(
    Guid Id,
    Guid ObligationId,
    string Reference,
    string Title,
    ReportingPeriod Period,
    ReportingCycleStatus Status,
    DateOnly NextDeadline,
    DateOnly SendToCouncil,
    int TasksDone,
    int TaskCount,
    bool Overdue);

public sealed class ListReportingCyclesValidator : AbstractValidator<ListReportingCyclesQuery>
{
    public ListReportingCyclesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("De pagina is 1 of hoger.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100).WithMessage("Een pagina heeft 1 tot 100 regels.");
        RuleFor(q => q.Period).Must(p => p is null || ReportingPeriod.TryParse(p, out _))
            .WithMessage("Een periode is bijvoorbeeld 2025-Q2, 2025-H1, 2025 of 2024-03-05.");
    }
}

public sealed class ListReportingCyclesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time)
    : IQueryHandler<ListReportingCyclesQuery, Result<PagedResult<CycleSummary>>>
{
    public async ValueTask<Result<PagedResult<CycleSummary>>> Handle(ListReportingCyclesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = MunicipalTime.Today(time);
        var rows = CycleSteps.Of(db);
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Cycle.Status == status);
        }

        if (query.Period is { } code && ReportingPeriod.TryParse(code, out var period))
        {
            rows = rows.Where(r => r.Cycle.Period == period);
        }

        if (query.ObligationId is { } obligation)
        {
            var id = new ObligationId(obligation);
            rows = rows.Where(r => r.Cycle.ObligationId == id);
        }

        if (query.TeamId is { } team)
        {
            var id = new TeamId(team);
            rows = rows.Where(r => r.Cycle.Tasks.Any(t => t.TeamId == id));
        }

        if (query.Overdue is { } overdue)
        {
            rows = overdue ? rows.Where(r => r.Active && r.Next < today) : rows.Where(r => !r.Active || r.Next >= today);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows
            .OrderBy(r => r.Active ? 0 : 1).ThenBy(r => r.Next).ThenBy(r => r.Reference)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new
            {
                r.Cycle.Id,
                r.Cycle.ObligationId,
                r.Reference,
                r.Title,
                r.Cycle.Period,
                r.Cycle.Status,
                r.Next,
                r.Cycle.Deadlines.SendToCouncil,
                Done = r.Cycle.Tasks.Count(t => t.Status == IndicatorTaskStatus.Submitted || t.Status == IndicatorTaskStatus.NotAvailable),
                Count = r.Cycle.Tasks.Count,
                r.Active,
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<CycleSummary>(
            [.. page.Select(r => new CycleSummary(r.Id.Value, r.ObligationId.Value, r.Reference, r.Title, r.Period, r.Status, r.Next, r.SendToCouncil,
                r.Done, r.Count, r.Active && r.Next < today))],
            total, query.Page, query.PageSize);
    }
}
