using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Cockpit;

/// <summary>The griffie's overview: where every motion and commitment stands, what is late, what is coming.</summary>
public sealed record GetCockpitQuery : IQuery<CockpitView>;

public sealed record CockpitView(
    DateOnly Today,
    IReadOnlyDictionary<ObligationStatus, int> ByStatus,
    IReadOnlyList<CockpitItem> OverdueObligations,
    IReadOnlyList<CockpitStep> OverdueSteps,
    IReadOnlyList<CockpitStep> DueSoon,
    IReadOnlyList<CockpitStep> AtRisk,
    IReadOnlyList<CockpitItem> AwaitingCouncil,
    IReadOnlyList<CockpitCount> PerAlderman,
    IReadOnlyList<CockpitCount> PerCommittee,
    IReadOnlyList<CockpitMonth> OpenAndClosed,
    IReadOnlyList<string> Committees,
    CockpitTotals Totals);

/// <summary>How many there are in each list; the lists themselves hold the most urgent <see cref="GetCockpitHandler.ListLimit"/>.</summary>
public sealed record CockpitTotals(int OverdueObligations, int OverdueSteps, int DueSoon, int AtRisk);

/// <summary>An obligation in a list: its number, title, status and the date that matters in that list.</summary>
public sealed record CockpitItem(Guid Id, string Reference, string Title, ObligationStatus Status, DateOnly? Date, string? Letter, int Version);

/// <summary>A reporting step: which cycle, which deadline, in which state.</summary>
public sealed record CockpitStep(Guid CycleId, string Reference, string Title, ReportingPeriod Period, ReportingCycleStatus Status, DateOnly Deadline, int OpenTasks);

public sealed record CockpitCount(string Name, int Open, int Overdue);

/// <summary>At the end of a month: how many obligations were open, and how many had been closed (fulfilled or lapsed) in total.</summary>
public sealed record CockpitMonth(DateOnly MonthEnd, int Open, int Closed);

public sealed class GetCockpitHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time) : IQueryHandler<GetCockpitQuery, CockpitView>
{
    private const int Soon = 30;

    /// <summary>The cockpit shows the most urgent of each list; the rest is a click away in the filtered lists.</summary>
    public const int ListLimit = 10;

    public async ValueTask<CockpitView> Handle(GetCockpitQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = MunicipalTime.Today(time);
        var obligations = await db.Obligations.AsNoTracking()
            .Select(o => new { o.Id, o.Reference, o.Title, o.Status, o.Cadence, o.DueDate, o.EndDate, o.AdoptedOn, Committee = o.Meeting.Body, o.ReportedInLetter, o.Version })
            .ToListAsync(cancellationToken);
        var isOpen = (ObligationStatus s) => s is ObligationStatus.Registered or ObligationStatus.InProgress or ObligationStatus.Reported;
        var byStatus = Enum.GetValues<ObligationStatus>().ToDictionary(s => s, s => obligations.Count(o => o.Status == s));

        // A one-off report is late after its due date; a recurring one after its end date.
        var overdueObligations = obligations
            .Where(o => o.Status is ObligationStatus.Registered or ObligationStatus.InProgress && (o.Cadence == Cadence.Once ? o.DueDate : o.EndDate) is { } d && d < today)
            .Select(o => new CockpitItem(o.Id.Value, o.Reference, o.Title, o.Status, o.Cadence == Cadence.Once ? o.DueDate : o.EndDate, o.ReportedInLetter, o.Version))
            .OrderBy(o => o.Date).ToList();
        var awaiting = obligations.Where(o => o.Status == ObligationStatus.Reported)
            .Select(o => new CockpitItem(o.Id.Value, o.Reference, o.Title, o.Status, null, o.ReportedInLetter, o.Version)).OrderBy(o => o.Reference).ToList();

        var titles = obligations.ToDictionary(o => o.Id, o => (o.Reference, o.Title));
        var cycles = await db.ReportingCycles.AsNoTracking()
            .Where(c => c.Status != ReportingCycleStatus.Sent && c.Status != ReportingCycleStatus.Closed && c.Status != ReportingCycleStatus.Cancelled && !c.IsImported)
            .Select(c => new
            {
                c.Id,
                c.ObligationId,
                c.Period,
                c.Status,
                c.Deadlines,
                c.NextTimer,
                // The count the tasks keep on their cycle: no task is read.
                OpenTasks = c.OutstandingValues,
            })
            .ToListAsync(cancellationToken);
        var steps = cycles.Select(c => (Cycle: c, Step: new CockpitStep(c.Id.Value, titles[c.ObligationId].Reference, titles[c.ObligationId].Title, c.Period, c.Status,
            NextDeadline(c.Status, c.Deadlines), c.OpenTasks))).ToList();
        var overdueSteps = steps.Where(s => s.Step.Deadline < today).Select(s => s.Step).OrderBy(s => s.Deadline).ToList();
        var dueSoon = steps.Where(s => s.Step.Deadline >= today && s.Step.Deadline <= today.AddDays(Soon)).Select(s => s.Step).OrderBy(s => s.Deadline).ToList();
        // At risk: the first reminder went out (the timer moved on) and values are still missing, before the deadline passed.
        var atRisk = steps.Where(s => s.Cycle.Status is ReportingCycleStatus.Open or ReportingCycleStatus.Collecting
                                      && s.Cycle.NextTimer != TaskTimer.FirstReminder && s.Cycle.OpenTasks > 0 && s.Step.Deadline >= today)
            .Select(s => s.Step).OrderBy(s => s.Deadline).ToList();

        var obligationOfCycle = cycles.ToDictionary(c => c.Id.Value, c => c.ObligationId.Value);
        var overdueIds = overdueObligations.Select(o => o.Id).Concat(overdueSteps.Select(s => obligationOfCycle[s.CycleId])).ToHashSet();
        var names = await db.Aldermen.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var aldermen = (await db.Obligations.AsNoTracking()
                .SelectMany(o => EF.Property<List<ResponsibleAlderman>>(o, "_aldermen"))
                .Select(a => new { Id = EF.Property<ObligationId>(a, "ObligationId"), a.AldermanId })
                .ToListAsync(cancellationToken))
            .Select(a => new { a.Id, Name = names.GetValueOrDefault(a.AldermanId, "?") })
            .ToList();
        var openIds = obligations.Where(o => isOpen(o.Status)).Select(o => o.Id).ToHashSet();
        var perAlderman = aldermen.Where(a => openIds.Contains(a.Id)).GroupBy(a => a.Name)
            .Select(g => new CockpitCount(g.Key, g.Count(), g.Count(a => overdueIds.Contains(a.Id.Value)))).OrderByDescending(c => c.Open).ThenBy(c => c.Name).ToList();
        var perCommittee = obligations.Where(o => isOpen(o.Status)).GroupBy(o => o.Committee)
            .Select(g => new CockpitCount(g.Key, g.Count(), g.Count(o => overdueIds.Contains(o.Id.Value)))).OrderByDescending(c => c.Open).ThenBy(c => c.Name).ToList();

        return new CockpitView(today, byStatus, [.. overdueObligations.Take(ListLimit)], [.. overdueSteps.Take(ListLimit)], [.. dueSoon.Take(ListLimit)],
            [.. atRisk.Take(ListLimit)], awaiting, perAlderman, perCommittee,
            await OpenAndClosedAsync(db, obligations.Select(o => (o.Id, o.AdoptedOn)).ToList(), today, cancellationToken),
            [.. obligations.Select(o => o.Committee).Distinct().Order()],
            new CockpitTotals(overdueObligations.Count, overdueSteps.Count, dueSoon.Count, atRisk.Count));
    }

    /// <summary>The step a cycle waits for and its deadline.</summary>
    public static DateOnly NextDeadline(ReportingCycleStatus status, StepDeadlines deadlines) => status switch
    {
        ReportingCycleStatus.Scheduled or ReportingCycleStatus.Open or ReportingCycleStatus.Collecting => deadlines.ValuesDue,
        ReportingCycleStatus.Complete or ReportingCycleStatus.Drafting or ReportingCycleStatus.SentBack => deadlines.DraftDue,
        ReportingCycleStatus.InApproval => deadlines.ApprovalsDue,
        _ => deadlines.SendToCouncil,
    };

    /// <summary>Open and closed at each month end over the last two years, from adoption dates and the closing lines of the histories.</summary>
    private static async Task<IReadOnlyList<CockpitMonth>> OpenAndClosedAsync(
        GovernanceDbContext db, IReadOnlyList<(ObligationId Id, DateOnly AdoptedOn)> obligations, DateOnly today, CancellationToken cancellationToken)
    {
        var closings = (await db.Obligations.AsNoTracking()
                .SelectMany(o => o.History)
                .Where(h => h.To == ObligationStatus.Fulfilled || h.To == ObligationStatus.Lapsed)
                .Select(h => new { ObligationId = EF.Property<ObligationId>(h, "ObligationId"), h.AtUtc })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.ObligationId).ToDictionary(g => g.Key, g => DateOnly.FromDateTime(MunicipalTime.ToLocal(g.Max(c => c.AtUtc))));
        var months = new List<CockpitMonth>();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-23);
        for (var month = first; month <= today; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var adopted = obligations.Where(o => o.AdoptedOn <= end).ToList();
            var closed = adopted.Count(o => closings.TryGetValue(o.Id, out var at) && at <= end);
            months.Add(new CockpitMonth(end, adopted.Count - closed, closed));
        }

        return months;
    }
}
