using System.Globalization;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>What a change of the P&amp;C calendar did to the running reports.</summary>
public sealed record RescheduleReport(int CyclesMoved, int Notifications);

/// <summary>
/// Plans the running reports of a municipality again after its P&amp;C calendar changed (a council date, the meetings,
/// the closed days). Each cycle whose deadlines come out differently moves the steps it has not passed, with a line in
/// its journal, and the people whose deadline moved hear of it: the staff with an open value of a moved values deadline
/// (or their substitute), the drafting teams (staff and team leads of the cycle's teams) of a moved draft deadline, the
/// responsible aldermen of a moved approvals deadline, the griffie of any moved step. Works on the caller's context: the calendar change, the moved
/// deadlines and the notifications are saved together.
/// </summary>
public sealed class CycleRescheduler(WorkingDayCalendar installation, DeadlineRules rules, CycleTimers timers, TimeProvider time)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly ReportingCycleStatus[] Running =
    [
        ReportingCycleStatus.Open, ReportingCycleStatus.Collecting, ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting,
        ReportingCycleStatus.InApproval, ReportingCycleStatus.SentBack, ReportingCycleStatus.Approved,
    ];

    /// <summary>
    /// Moves the running cycles of <paramref name="municipality"/> to the calendar <paramref name="years"/> make (every year
    /// as it is after the change, possibly unsaved), saying <paramref name="because"/> ("de P&amp;C-kalender 2027 is gewijzigd").
    /// </summary>
    public async Task<RescheduleReport> RescheduleAsync(
        GovernanceDbContext db, MunicipalityId municipality, IReadOnlyCollection<PlanningYear> years, string actor, string because, CancellationToken cancellationToken)
    {
        var calendar = new PlanningCalendar(years.Where(y => y.MunicipalityId == municipality));
        var schedule = new ReportingSchedule(calendar, calendar.WorkingDays(installation), rules);
        var running = await (from c in db.ReportingCycles.AsNoTracking()
                             join o in db.Obligations on c.ObligationId equals o.Id
                             where c.MunicipalityId == municipality && !c.IsImported && Running.Contains(c.Status)
                             select new { c.Id, c.Period, c.Deadlines, o.Cadence, o.RegisteredOn }).ToListAsync(cancellationToken);
        var planned = new Dictionary<ReportingCycleId, StepDeadlines>();
        foreach (var cycle in running)
        {
            // A council date removed leaves the deadlines as they were; the opening reports the gap for later periods.
            var deadlines = schedule.DeadlinesFor(cycle.Cadence, cycle.Period);
            if (deadlines.Succeeded && schedule.NotBefore(deadlines.Value, cycle.RegisteredOn) is var kept && kept != cycle.Deadlines)
            {
                planned[cycle.Id] = kept;
            }
        }

        if (planned.Count == 0)
        {
            return new RescheduleReport(0, 0);
        }

        var ids = planned.Keys.ToList();
        var cycles = await db.ReportingCycles.Include(c => c.Tasks).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var obligationIds = cycles.Select(c => c.ObligationId).Distinct().ToList();
        var obligations = await db.Obligations.AsNoTracking().Where(o => obligationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var today = MunicipalTime.Today(time);
        var people = await ReportingRecipients.ReadAsync(db, today, cancellationToken);
        var moved = 0;
        var notifications = 0;
        foreach (var cycle in cycles)
        {
            var openTasks = cycle.Tasks.Where(t => !t.Status.IsDone()).ToList();
            var steps = cycle.MoveDeadlines(planned[cycle.Id], now, actor, m => $"{Sentence.Capitalised(because)}. {Sentence.Capitalised(Describe(m))}.");
            if (steps.Count == 0)
            {
                continue;
            }

            moved++;
            timers.Rearm(cycle, today);

            var title = obligations[cycle.ObligationId].Title;
            var period = cycle.Period.Display(Dutch);
            var eventKey = $"cycle:{cycle.Id}:journal:{cycle.Journal[^1].Sequence}";
            // Each person once, with the moved steps that concern them: the griffie all of them.
            var recipients = people.Griffie[municipality].Distinct().ToDictionary(g => g, _ => (IReadOnlyList<MovedDeadline>)steps, StringComparer.Ordinal);
            void Add(string person, MovedDeadline step)
            {
                if (!recipients.TryGetValue(person, out var theirs))
                {
                    recipients[person] = [step];
                }
                else if (!theirs.Contains(step))
                {
                    recipients[person] = [.. theirs.Append(step).OrderBy(m => m.Step)];
                }
            }

            if (steps.FirstOrDefault(s => s.Step == DeadlineStep.Values) is { } values)
            {
                var staff = openTasks.SelectMany(t => t.AssigneeUserId is { } assignee ? [people.ActingFor(assignee)] : people.Staff[t.TeamId]);
                foreach (var person in staff)
                {
                    Add(person, values);
                }
            }

            if (steps.FirstOrDefault(s => s.Step == DeadlineStep.Draft) is { } draft)
            {
                var teams = cycle.Tasks.Select(t => t.TeamId).Distinct().ToList();
                foreach (var person in teams.SelectMany(t => people.Staff[t].Concat(people.TeamLeads[t])))
                {
                    Add(person, draft);
                }
            }

            if (steps.FirstOrDefault(s => s.Step == DeadlineStep.Approvals) is { } approvals)
            {
                foreach (var person in obligations[cycle.ObligationId].ResponsibleAldermen.SelectMany(a => people.Aldermen[a]))
                {
                    Add(person, approvals);
                }
            }

            foreach (var (recipient, theirs) in recipients)
            {
                db.Notifications.Add(new Notification(municipality, recipient, eventKey,
                    Clip($"Termijn verplaatst: {title}, {period}", Notification.SubjectMaxLength),
                    Clip($"{Sentence.Capitalised(because)}. Voor '{title}' over {period}: {Describe(theirs)}.", Notification.BodyMaxLength),
                    $"/cycles/{cycle.Id}", now));
                notifications++;
            }
        }

        return new RescheduleReport(moved, notifications);
    }

    /// <summary>"cijfers uiterlijk 22 juli 2027 (was 15 juli 2027); naar de raad 28 september 2027 (was 21 september 2027)".</summary>
    public static string Describe(IEnumerable<MovedDeadline> moved) =>
        string.Join("; ", moved.Select(m => $"{StepName(m.Step)} {Date(m.To)} (was {Date(m.From)})"));

    private static string StepName(DeadlineStep step) => step switch
    {
        DeadlineStep.Values => "cijfers uiterlijk",
        DeadlineStep.Draft => "concept uiterlijk",
        DeadlineStep.Approvals => "goedkeuring uiterlijk",
        _ => "naar de raad",
    };

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);


    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
