using System.Globalization;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Notifications;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Fires every cycle timer that is due on <see cref="Today"/>, in batches, as <see cref="ReportingCycleWorkflow.Schedule"/>
/// declares them: before the values deadline reminders to whoever owes a value (the assignee, or the team), after it
/// escalations to the team lead, then the griffie; before the draft deadline a reminder to the drafting teams; before the
/// approvals deadline a reminder to each responsible alderman who has not approved, after it a message to the griffie
/// naming them; before the sending deadline a reminder to the griffie. A timer fires only while the cycle waits for its
/// step (nothing for values all in, or a letter already approved). Each fires once: the timer moves on in the same
/// transaction as the notifications it creates, and a person gets one notification per event (unique index). Reminders
/// that would arrive after their deadline are skipped; escalations are not.
/// </summary>
public sealed record SweepDeadlinesCommand(DateOnly Today, int BatchSize = 5_000) : ICommand<SweepReport>;

public sealed record SweepReport(int TimersFired, int Notifications);

public sealed partial class SweepDeadlinesHandler(ISystemDatabase database, CycleTimers timers, TimeProvider time, ILogger<SweepDeadlinesHandler> logger)
    : ICommandHandler<SweepDeadlinesCommand, SweepReport>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly StringComparer DutchOrder = StringComparer.Create(Dutch, ignoreCase: false);

    public async ValueTask<SweepReport> Handle(SweepDeadlinesCommand command, CancellationToken cancellationToken)
    {
        var fired = 0;
        var notifications = 0;
        // Who gets what is read once per sweep: the people, their roles and who stands in for whom.
        ReportingRecipients people;
        await using (var db = database.CreateContext())
        {
            people = await ReportingRecipients.ReadAsync(db, command.Today, cancellationToken);
        }

        while (true)
        {
            var (batchFired, batchNotifications, more) = await SweepBatchAsync(command, people, cancellationToken);
            fired += batchFired;
            notifications += batchNotifications;
            if (!more)
            {
                break;
            }
        }

        LogSwept(fired, notifications, command.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new SweepReport(fired, notifications);
    }

    /// <summary>What the sweep needs of a due cycle; read as a projection.</summary>
    private sealed record DueCycle(ReportingCycleId Id, ObligationId ObligationId, string Title, MunicipalityId MunicipalityId, ReportingPeriod Period,
        ReportingCycleStatus Status, StepDeadlines Deadlines, CycleTimer Timer, DateOnly? TimerOn);

    /// <summary>A notification to create: for a cycle and timer, to one person, about these items (indicator or alderman names).</summary>
    private sealed record Pending(DueCycle Cycle, CycleTimer Timer, string Recipient, IReadOnlyList<string> Items, string Link);

    /// <summary>The open work of a cycle for one team or one assignee: the names of its indicators, joined by <see cref="NameSeparator"/>.</summary>
    private sealed record OpenWork(ReportingCycleId CycleId, TeamId TeamId, string? AssigneeUserId, string Names);

    private const string NameSeparator = "\u001f";

    private async Task<(int Fired, int Notifications, bool More)> SweepBatchAsync(SweepDeadlinesCommand command, ReportingRecipients people, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var today = command.Today;
        // Read projections without tracking: the timers move below with set-based updates.
        var dueCycles = db.ReportingCycles.AsNoTracking()
            .Where(c => c.NextTimerOn != null && c.NextTimerOn <= today)
            .OrderBy(c => c.NextTimerOn).ThenBy(c => c.Id)
            .Take(command.BatchSize);
        var due = await (from c in dueCycles
                         join o in db.Obligations on c.ObligationId equals o.Id
                         select new DueCycle(c.Id, c.ObligationId, o.Title, c.MunicipalityId, c.Period, c.Status,
                             new StepDeadlines(c.Deadlines.ValuesDue, c.Deadlines.DraftDue, c.Deadlines.ApprovalsDue, c.Deadlines.SendToCouncil), c.NextTimer, c.NextTimerOn))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0, false);
        }

        // The work still open: the tasks whose value is neither submitted nor explained, grouped in the database per
        // cycle, team and assignee with the names of the definitions they were opened with (a join, so the task index is used).
        var done = ReportingStatusExtensions.DoneStatuses;
        var openWork = (await (from c in dueCycles
                               join t in db.IndicatorTasks on c.Id equals t.CycleId
                               join d in db.IndicatorDefinitions on new { t.IndicatorId, Version = t.DefinitionVersion } equals new { d.IndicatorId, Version = d.VersionNumber }
                               where !done.Contains(t.Status)
                               group new { d.Name } by new { t.CycleId, t.TeamId, t.AssigneeUserId } into g
                               select new OpenWork(g.Key.CycleId, g.Key.TeamId, g.Key.AssigneeUserId, string.Join(NameSeparator, g.Select(x => x.Name))))
                .ToListAsync(cancellationToken))
            .ToLookup(w => w.CycleId);

        var now = time.GetUtcNow().UtcDateTime;
        var fired = 0;
        // Per cycle and timer, each person with the indicators that concern them: one notification each.
        var pending = new List<Pending>();
        var names = new IndicatorNames();
        var later = new List<(DueCycle Cycle, CycleTimer Timer, TimerAudience Audience)>();
        var moves = new List<(ReportingCycleId Cycle, CycleTimer Timer, DateOnly? On)>(due.Count);
        foreach (var cycle in due)
        {
            var open = openWork[cycle.Id].ToList();
            var waitsFor = ReportingCycleWorkflow.StepOf(cycle.Status);
            var (timer, timerOn) = (cycle.Timer, cycle.TimerOn);
            while (timerOn is { } on && on <= today)
            {
                var (step, declared) = ReportingCycleWorkflow.Declaration(timer);
                var relevant = step == waitsFor && !(declared.Before && cycle.Deadlines.Of(step.Step) < today);
                if (relevant && step.Step != DeadlineStep.Values)
                {
                    // The later steps are few at a time: their people are read below, per cycle.
                    later.Add((cycle, timer, declared.Audience));
                }
                else if (relevant && open.Count > 0)
                {
                    pending.AddRange(ValueNotices(cycle, timer, declared.Audience, open, people, names));
                    fired++;
                }

                (timer, timerOn) = waitsFor is null ? (CycleTimer.Done, null) : timers.After(timer, cycle.Deadlines);
            }

            moves.Add((cycle.Id, timer, timerOn));
        }

        var laterNotices = await LaterNoticesAsync(db, later, people, cancellationToken);
        fired += laterNotices.Fired;
        pending.AddRange(laterNotices.Notices);

        // Never twice: the insert leaves out what the unique (person, event) index already holds.
        var periods = new Dictionary<ReportingPeriod, string>();
        var created = pending
            .Select(p =>
            {
                if (!periods.TryGetValue(p.Cycle.Period, out var period))
                {
                    periods[p.Cycle.Period] = period = p.Cycle.Period.Display(Dutch);
                }

                var (subject, body) = Text(p.Timer, p.Items, p.Cycle.Title, period, p.Cycle.Deadlines);
                return new Notification(p.Cycle.MunicipalityId, p.Recipient, EventKey(p.Cycle.Id.Value, p.Timer),
                    Notification.Fit(subject, Notification.SubjectMaxLength), Notification.Fit(body, Notification.BodyMaxLength), p.Link, now);
            })
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await BulkRows.InsertAsync(db, created, cancellationToken, skipExisting: true);

        foreach (var moved in moves.GroupBy(m => (m.Timer, m.On)))
        {
            var (timer, on) = moved.Key;
            foreach (var chunk in moved.Select(m => m.Cycle).Chunk(5_000))
            {
                var ids = chunk.ToList();
                await db.ReportingCycles.Where(c => ids.Contains(c.Id))
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.NextTimer, timer).SetProperty(c => c.NextTimerOn, on), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (fired, inserted, due.Count == command.BatchSize);
    }

    private static string EventKey(Guid cycle, CycleTimer timer) => $"cycle:{cycle}:{timer}";

    /// <summary>The values timers: per person, the open indicators that concern them.</summary>
    private static IEnumerable<Pending> ValueNotices(DueCycle cycle, CycleTimer timer, TimerAudience audience, List<OpenWork> open, ReportingRecipients people, IndicatorNames names)
    {
        var byRecipient = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var work in open)
        {
            var recipients = audience switch
            {
                TimerAudience.Suppliers => work.AssigneeUserId is { } assignee ? [people.ActingFor(assignee)] : people.Staff[work.TeamId],
                TimerAudience.TeamLeads => people.TeamLeads[work.TeamId],
                _ => people.Griffie[cycle.MunicipalityId],
            };
            foreach (var recipient in recipients)
            {
                if (!byRecipient.TryGetValue(recipient, out var joined))
                {
                    byRecipient[recipient] = joined = [];
                }

                joined.Add(work.Names);
            }
        }

        return byRecipient.Select(r => new Pending(cycle, timer, r.Key, names.Of(r.Value), $"/cycles/{cycle.Id}"));
    }

    /// <summary>
    /// The indicator names of a notice, distinct and in Dutch order. The cycles of a batch mostly share their indicators,
    /// so each list is worked out once per batch (sorting them per notice was a tenth of the sweep's time).
    /// </summary>
    private sealed class IndicatorNames
    {
        private readonly Dictionary<string, string[]> _lists = new(StringComparer.Ordinal);

        public string[] Of(List<string> joined)
        {
            var key = joined.Count == 1 ? joined[0] : string.Join(NameSeparator, joined);
            if (!_lists.TryGetValue(key, out var names))
            {
                _lists[key] = names = [.. key.Split(NameSeparator).Distinct().Order(DutchOrder)];
            }

            return names;
        }
    }

    /// <summary>
    /// The draft, approvals and sending timers: the drafting teams, the aldermen who have not approved the letter as it
    /// stands (or, past the deadline, the griffie with their names), the griffie to send. A timer with nobody left to tell
    /// does not count as fired.
    /// </summary>
    private static async Task<(int Fired, List<Pending> Notices)> LaterNoticesAsync(
        GovernanceDbContext db, List<(DueCycle Cycle, CycleTimer Timer, TimerAudience Audience)> later, ReportingRecipients people, CancellationToken cancellationToken)
    {
        var notices = new List<Pending>();
        if (later.Count == 0)
        {
            return (0, notices);
        }

        var cycleIds = later.Select(l => l.Cycle.Id).Distinct().ToList();
        var obligationIds = later.Select(l => l.Cycle.ObligationId).Distinct().ToList();
        var teams = (await db.IndicatorTasks.Where(t => cycleIds.Contains(t.CycleId)).Select(t => new { t.CycleId, t.TeamId }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(t => t.CycleId, t => t.TeamId);
        var aldermen = (await db.Obligations.AsNoTracking().Where(o => obligationIds.Contains(o.Id)).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => o.ResponsibleAldermen);
        var letters = (await db.CouncilLetters.Where(l => cycleIds.Contains(l.CycleId))
                .Select(l => new { l.Id, l.CycleId, Current = l.Versions.Max(v => v.Number), Approved = l.Approvals.Where(a => a.WithdrawnAtUtc == null).Select(a => new { a.AldermanId, a.VersionNumber }).ToList() })
                .ToListAsync(cancellationToken))
            .ToDictionary(l => l.CycleId, l => (l.Id, Approved: l.Approved.Where(a => a.VersionNumber == l.Current).Select(a => a.AldermanId).ToHashSet()));
        var aldermanIds = aldermen.Values.SelectMany(a => a).Distinct().ToList();
        var names = await db.Aldermen.Where(a => aldermanIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        var fired = 0;
        foreach (var (cycle, timer, audience) in later)
        {
            var letter = letters.TryGetValue(cycle.Id, out var l) ? l : default;
            var link = letter.Id == default ? $"/cycles/{cycle.Id}" : $"/letters/{letter.Id}";
            var waiting = aldermen[cycle.ObligationId].Where(a => letter.Approved is null || !letter.Approved.Contains(a)).ToList();
            List<string> items = timer == CycleTimer.ApprovalsOverdue ? [.. waiting.Select(a => names.GetValueOrDefault(a, "?")).Distinct().Order(DutchOrder)] : [];
            IEnumerable<string> recipients = audience switch
            {
                TimerAudience.Drafters => teams[cycle.Id].SelectMany(t => people.Staff[t].Concat(people.TeamLeads[t])),
                TimerAudience.Approvers => waiting.SelectMany(a => people.Aldermen[a]),
                _ when timer == CycleTimer.ApprovalsOverdue && waiting.Count == 0 => [],
                _ => people.Griffie[cycle.MunicipalityId],
            };
            var before = notices.Count;
            notices.AddRange(recipients.Distinct().Select(r => new Pending(cycle, timer, r, items, link)));
            fired += notices.Count > before ? 1 : 0;
        }

        return (fired, notices);
    }

    private static (string Subject, string Body) Text(CycleTimer timer, IReadOnlyList<string> items, string title, string period, StepDeadlines deadlines)
    {
        string Date(DeadlineStep step) => deadlines.Of(step).ToString("d MMMM yyyy", Dutch);
        var values = Date(DeadlineStep.Values);
        var one = items.Count == 1;
        var what = one ? $"de waarde van '{items[0]}'" : $"{items.Count} waarden";
        var (must, had, lacks) = one ? ("moet", "had", "ontbreekt") : ("moeten", "hadden", "ontbreken");
        var list = items.Count <= 1 ? "" : "\n\n" + string.Join("\n", items.Select(i => "- " + i));
        var letter = $"de raadsinformatiebrief over '{title}' ({period})";
        return timer switch
        {
            CycleTimer.FirstReminder => ($"Herinnering: {title}, {period}, uiterlijk {values}",
                $"Voor '{title}' ({period}) {must} {what} uiterlijk {values} zijn aangeleverd.{list}"),
            CycleTimer.LastReminder => ($"Bijna te laat: {title}, {period}, uiterlijk {values}",
                $"Voor '{title}' ({period}) {must} {what} uiterlijk {values} zijn aangeleverd. Lever aan, of geef aan waarom een waarde niet beschikbaar is.{list}"),
            CycleTimer.EscalateToTeamLead => ($"Te laat: {title}, {period}",
                $"Voor '{title}' ({period}) {had} {what} uiterlijk {values} aangeleverd moeten zijn en {lacks} nog. U ontvangt dit als teamleider.{list}"),
            CycleTimer.EscalateToGriffie => ($"Te laat (griffie): {title}, {period}",
                $"Voor '{title}' ({period}) {had} {what} uiterlijk {values} aangeleverd moeten zijn en {lacks} nog, ook na melding aan de teamleider.{list}"),
            CycleTimer.DraftReminder => ($"Herinnering: concept {title}, {period}, uiterlijk {Date(DeadlineStep.Draft)}",
                $"Het concept van {letter} moet uiterlijk {Date(DeadlineStep.Draft)} ter goedkeuring worden aangeboden aan de wethouders."),
            CycleTimer.ApprovalsReminder => ($"Herinnering: goedkeuring {title}, {period}, uiterlijk {Date(DeadlineStep.Approvals)}",
                $"{Sentence.Capitalised(letter)} wacht op uw goedkeuring, uiterlijk {Date(DeadlineStep.Approvals)}. Keur hem goed of stuur hem terug met uw commentaar."),
            CycleTimer.ApprovalsOverdue => ($"Goedkeuring te laat: {title}, {period}",
                $"{Sentence.Capitalised(letter)} had uiterlijk {Date(DeadlineStep.Approvals)} goedgekeurd moeten zijn. " +
                $"Nog niet goedgekeurd door {(items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1])}."),
            _ => ($"Herinnering: verzenden {title}, {period}, uiterlijk {Date(DeadlineStep.SendToCouncil)}",
                $"{Sentence.Capitalised(letter)} is vastgesteld en moet uiterlijk {Date(DeadlineStep.SendToCouncil)} aan de raad worden verzonden. Leg de verzending vast als hij verstuurd is."),
        };
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep for {Today}: {Fired} timers fired, {Notifications} notifications")]
    private partial void LogSwept(int fired, int notifications, string today);
}
