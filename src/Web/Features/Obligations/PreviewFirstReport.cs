using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>
/// When the first report of an obligation about to be registered today is due, as the opening will plan it (the
/// municipality's P&amp;C calendar, its working days, and never sooner than a few working days after registration):
/// shown in the registration dialog. None while the cadence or due date is missing or the calendar lacks a date.
/// </summary>
public sealed record PreviewFirstReportQuery(Cadence? Cadence, DateOnly? AdoptedOn, DateOnly? DueDate, DateOnly? ReportingFrom) : IQuery<FirstReportPreview?>;

/// <summary>The first report: its period, when its values are due and when it goes to the council; moved when registration comes too late for the plan.</summary>
public sealed record FirstReportPreview(ReportingPeriod Period, DateOnly ValuesDue, DateOnly SendToCouncil, bool Moved);

public sealed class PreviewFirstReportHandler(IDbContextFactory<GovernanceDbContext> dbFactory, WorkingDayCalendar installation, DeadlineRules rules, TimeProvider time)
    : IQueryHandler<PreviewFirstReportQuery, FirstReportPreview?>
{
    public async ValueTask<FirstReportPreview?> Handle(PreviewFirstReportQuery query, CancellationToken cancellationToken)
    {
        if (query.Cadence is not { } cadence || (cadence == Cadence.Once && query.DueDate is null))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendar = new PlanningCalendar(await db.PlanningYears.AsNoTracking().ToListAsync(cancellationToken));
        var schedule = new ReportingSchedule(calendar, calendar.WorkingDays(installation), rules);
        var today = MunicipalTime.Today(time);
        var first = schedule.FirstReport(cadence, query.ReportingFrom ?? query.AdoptedOn ?? today, query.DueDate, today);
        if (!first.Succeeded)
        {
            return null;
        }

        var planned = schedule.DeadlinesFor(cadence, first.Value.Period);
        var deadlines = first.Value.Deadlines;
        return new FirstReportPreview(first.Value.Period, deadlines.ValuesDue, deadlines.SendToCouncil, planned.Succeeded && planned.Value != deadlines);
    }
}
