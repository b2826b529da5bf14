using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.ReportingCycles;
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
        // Counted, grouped, ordered and cut to the lists' length in the database: the cockpit reads tens of rows, not every
        // obligation and cycle. The four parts are independent reads, each on its own context and connection, run side by
        // side on the thread pool (SQLite's "async" calls complete synchronously, so started directly they would run one
        // after the other): each scans thousands of rows.
        var today = MunicipalTime.Today(time);
        var register = Task.Run(() => RegisterAsync(today, cancellationToken), cancellationToken);
        var aldermen = Task.Run(() => PerAldermanAsync(today, cancellationToken), cancellationToken);
        var steps = Task.Run(() => StepsAsync(today, cancellationToken), cancellationToken);
        var chart = Task.Run(() => OpenAndClosedAsync(today, cancellationToken), cancellationToken);
        await Task.WhenAll(register, aldermen, steps, chart);

        var (byStatus, overdueObligations, awaiting, perCommittee, committees) = await register;
        var (overdueSteps, dueSoon, atRisk, totals) = await steps;
        return new CockpitView(today, byStatus,
            [.. overdueObligations.Take(ListLimit)],
            overdueSteps, dueSoon, atRisk,
            awaiting, await aldermen, perCommittee,
            await chart,
            committees,
            new CockpitTotals(overdueObligations.Count, totals.Overdue, totals.Soon, totals.AtRisk));
    }

    /// <summary>The register: counts by status, the late and the reported obligations, and per committee.</summary>
    private async Task<(Dictionary<ObligationStatus, int> ByStatus, List<CockpitItem> Overdue, List<CockpitItem> Awaiting, List<CockpitCount> PerCommittee, List<string> Committees)>
        RegisterAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Obligations.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byStatus = Enum.GetValues<ObligationStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));

        // Few obligations are late themselves, so all of them are read.
        var overdue = await Dated(db, today).Where(d => d.Overdue)
            .OrderBy(d => d.Date).ThenBy(d => d.Obligation.Reference)
            .Select(d => new CockpitItem(d.Obligation.Id.Value, d.Obligation.Reference, d.Obligation.Title, d.Obligation.Status, d.Date, d.Obligation.ReportedInLetter, d.Obligation.Version))
            .ToListAsync(cancellationToken);
        var awaiting = await db.Obligations.Where(o => o.Status == ObligationStatus.Reported).OrderBy(o => o.Reference)
            .Select(o => new CockpitItem(o.Id.Value, o.Reference, o.Title, o.Status, null, o.ReportedInLetter, o.Version))
            .ToListAsync(cancellationToken);

        // By committee and open or not, with how many of each are late, in one grouped query (late as a count, not a key:
        // as a key SQLite worked it out twice per row).
        var committees = await Flagged(db, today)
            .GroupBy(o => new { o.Obligation.Meeting.Body, o.Open })
            .Select(g => new { g.Key.Body, g.Key.Open, Count = g.Count(), Late = g.Count(o => o.Late) }).ToListAsync(cancellationToken);
        return (byStatus, overdue, awaiting, Counts(committees.Where(c => c.Open).Select(c => (c.Body, c.Count, c.Late))),
            [.. committees.Select(c => c.Body).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>Per alderman: the open obligations and how many of them are late, in one grouped query.</summary>
    private async Task<List<CockpitCount>> PerAldermanAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Aldermen.ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var aldermen = await (from o in Flagged(db, today)
                              where o.Open
                              from a in EF.Property<List<ResponsibleAlderman>>(o.Obligation, "_aldermen")
                              group o by a.AldermanId into g
                              select new { AldermanId = g.Key, Count = g.Count(), Late = g.Count(o => o.Late) }).ToListAsync(cancellationToken);
        return Counts(aldermen.Select(a => (names.GetValueOrDefault(a.AldermanId, "?"), a.Count, a.Late)));
    }

    /// <summary>
    /// Every obligation, open or not, and late: itself (read on the row), or with a late step. Not a list of ids (when much
    /// is late it would be as long as the register), nor a union with the late ones themselves (its de-duplication cost more
    /// than the rest of the query). Each provider gets the form it answers fast: SQLite "id in (subquery)", which it reads
    /// once into an index of its own (a join with the distinct ids took it seconds); PostgreSQL the join with the distinct
    /// ids, as "id in (subquery)" inside the counts' filter ran as a subplan scanned again for every obligation (the planner
    /// expects the filter to run once), 80 ms of the cockpit's 100 on 10,000 obligations.
    /// </summary>
    private static IQueryable<FlaggedObligation> Flagged(GovernanceDbContext db, DateOnly today)
    {
        var lateSteps = Deadlines(db).Where(s => s.Next < today).Select(s => s.Cycle.ObligationId);
        if (!db.Database.IsNpgsql())
        {
            return Dated(db, today).Select(d => new FlaggedObligation
            {
                Obligation = d.Obligation,
                Open = d.Obligation.Status == ObligationStatus.Registered || d.Obligation.Status == ObligationStatus.InProgress || d.Obligation.Status == ObligationStatus.Reported,
                Late = d.Overdue || lateSteps.Contains(d.Obligation.Id),
            });
        }

        return from d in Dated(db, today)
               join l in lateSteps.Distinct().Select(id => new { Id = id }) on d.Obligation.Id equals l.Id into late
               from l in late.DefaultIfEmpty()
               select new FlaggedObligation
               {
                   Obligation = d.Obligation,
                   Open = d.Obligation.Status == ObligationStatus.Registered || d.Obligation.Status == ObligationStatus.InProgress || d.Obligation.Status == ObligationStatus.Reported,
                   Late = d.Overdue || l.Id == d.Obligation.Id, // null (no late step) where nothing joined
               };
    }

    /// <summary>
    /// Every obligation with its own deadline, and whether it is past it while still to be reported on: a one-off report
    /// is late after its due date, a recurring one after its end date.
    /// </summary>
    private static IQueryable<DatedObligation> Dated(GovernanceDbContext db, DateOnly today) =>
        from o in db.Obligations
        let date = o.Cadence == Cadence.Once ? o.DueDate : o.EndDate
        select new DatedObligation
        {
            Obligation = o,
            Date = date,
            Overdue = (o.Status == ObligationStatus.Registered || o.Status == ObligationStatus.InProgress) && date < today,
        };

    private sealed class DatedObligation
    {
        public required Obligation Obligation { get; init; }

        public required DateOnly? Date { get; init; }

        public required bool Overdue { get; init; }
    }

    private sealed class FlaggedObligation
    {
        public required Obligation Obligation { get; init; }

        public required bool Open { get; init; }

        public required bool Late { get; init; }
    }

    /// <summary>The active cycles' steps: the three lists' most urgent and how many each list has.</summary>
    private async Task<(List<CockpitStep> Overdue, List<CockpitStep> DueSoon, List<CockpitStep> AtRisk, (int Overdue, int Soon, int AtRisk) Totals)>
        StepsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var soon = today.AddDays(Soon);
        var steps = CycleSteps.Of(db).Where(s => s.Active && !s.Cycle.IsImported);
        // At risk: the first reminder went out (the timer moved on) and values are still missing, before the deadline passed.
        var atRisk = steps.Where(s => (s.Cycle.Status == ReportingCycleStatus.Open || s.Cycle.Status == ReportingCycleStatus.Collecting)
                                      && s.Cycle.NextTimer != CycleTimer.FirstReminder && s.Cycle.OutstandingValues > 0 && s.Next >= today);
        // The counts need no titles: the cycles alone.
        var counts = await Deadlines(db).GroupBy(s => 1).Select(g => new
        {
            Overdue = g.Count(s => s.Next < today),
            Soon = g.Count(s => s.Next >= today && s.Next <= soon),
            AtRisk = g.Count(s => (s.Cycle.Status == ReportingCycleStatus.Open || s.Cycle.Status == ReportingCycleStatus.Collecting)
                                  && s.Cycle.NextTimer != CycleTimer.FirstReminder && s.Cycle.OutstandingValues > 0 && s.Next >= today),
        }).SingleOrDefaultAsync(cancellationToken);
        return (await TopAsync(steps.Where(s => s.Next < today), cancellationToken), await TopAsync(steps.Where(s => s.Next >= today && s.Next <= soon), cancellationToken),
            await TopAsync(atRisk, cancellationToken), (counts?.Overdue ?? 0, counts?.Soon ?? 0, counts?.AtRisk ?? 0));
    }

    /// <summary>The cycles the cockpit counts: active, worked in Governance (not brought over as history).</summary>
    private static IQueryable<CycleDeadlineRow> Deadlines(GovernanceDbContext db) => CycleSteps.Deadlines(db).Where(s => s.Active && !s.Cycle.IsImported);

    /// <summary>The most urgent steps of a list, soonest deadline first.</summary>
    private static async Task<List<CockpitStep>> TopAsync(IQueryable<CycleStepRow> steps, CancellationToken cancellationToken) =>
        await steps.OrderBy(s => s.Next).ThenBy(s => s.Reference).Take(ListLimit)
            .Select(s => new CockpitStep(s.Cycle.Id.Value, s.Reference, s.Title, s.Cycle.Period, s.Cycle.Status, s.Next, s.Cycle.OutstandingValues))
            .ToListAsync(cancellationToken);

    /// <summary>Open and overdue counts by name (an alderman can be named by two ids, e.g. after a re-registration), most open first.</summary>
    private static List<CockpitCount> Counts(IEnumerable<(string Name, int Open, int Late)> groups) =>
        [.. groups.GroupBy(g => g.Name)
            .Select(g => new CockpitCount(g.Key, g.Sum(x => x.Open), g.Sum(x => x.Late)))
            .OrderByDescending(c => c.Open).ThenBy(c => c.Name)];

    /// <summary>Open and closed at each month end over the last two years, from adoption dates and the closing lines of the histories.</summary>
    private async Task<IReadOnlyList<CockpitMonth>> OpenAndClosedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var adoptions = await db.Obligations.GroupBy(o => o.AdoptedOn).Select(g => new { AdoptedOn = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var closings = (await db.Obligations
                .SelectMany(o => o.History, (o, h) => new { o.Id, o.AdoptedOn, h.To, h.AtUtc })
                .Where(h => h.To == ObligationStatus.Fulfilled || h.To == ObligationStatus.Lapsed)
                .Select(h => new { h.Id, h.AdoptedOn, h.AtUtc })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.Id)
            .Select(g => (g.First().AdoptedOn, ClosedOn: DateOnly.FromDateTime(MunicipalTime.ToLocal(g.Max(c => c.AtUtc)))))
            .ToList();
        var months = new List<CockpitMonth>();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-23);
        for (var month = first; month <= today; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var adopted = adoptions.Where(a => a.AdoptedOn <= end).Sum(a => a.Count);
            var closed = closings.Count(c => c.AdoptedOn <= end && c.ClosedOn <= end);
            months.Add(new CockpitMonth(end, adopted - closed, closed));
        }

        return months;
    }
}
