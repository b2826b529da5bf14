using System.Globalization;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Fires every cycle timer that is due on <see cref="Today"/>, in batches: reminders before the values
/// deadline (to the team, or the assignee, of each task still open), escalations after it (to the team
/// lead of each such task, then the griffie). Nothing goes out for a cycle whose values are all in, or
/// that has moved past collecting. Each stage fires once: the timer moves on in the same transaction as
/// the notifications it creates, and a person gets one notification per event (unique index). Reminders
/// that would arrive after the deadline are skipped; escalations are not.
/// </summary>
public sealed record SweepDeadlinesCommand(DateOnly Today, int BatchSize = 1_000) : ICommand<SweepReport>;

public sealed record SweepReport(int TimersFired, int Notifications);

public sealed partial class SweepDeadlinesHandler(ISystemDatabase database, TaskTimers timers, TimeProvider time, ILogger<SweepDeadlinesHandler> logger)
    : ICommandHandler<SweepDeadlinesCommand, SweepReport>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

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

        LogSwept(fired, notifications, command.Today);
        return new SweepReport(fired, notifications);
    }

    /// <summary>What the sweep needs of a due cycle; read as a projection.</summary>
    private sealed record DueCycle(ReportingCycleId Id, ObligationId ObligationId, string Title, MunicipalityId MunicipalityId, ReportingPeriod Period,
        ReportingCycleStatus Status, DateOnly ValuesDue, TaskTimer Timer, DateOnly? TimerOn);

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
                         select new DueCycle(c.Id, c.ObligationId, o.Title, c.MunicipalityId, c.Period, c.Status, c.Deadlines.ValuesDue, c.NextTimer, c.NextTimerOn))
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
        // Per cycle and stage, each person with the indicators that concern them: one notification each.
        var pending = new List<(DueCycle Cycle, TaskTimer Stage, string Recipient, List<string> Indicators)>();
        var moves = new List<(ReportingCycleId Cycle, TaskTimer Timer, DateOnly? On)>(due.Count);
        foreach (var cycle in due)
        {
            var open = openWork[cycle.Id].ToList();
            var active = cycle.Status is ReportingCycleStatus.Open or ReportingCycleStatus.Collecting;
            var (timer, timerOn) = (cycle.Timer, cycle.TimerOn);
            while (timerOn is { } on && on <= today)
            {
                var isReminder = timer is TaskTimer.FirstReminder or TaskTimer.LastReminder;
                if (active && open.Count > 0 && !(isReminder && cycle.ValuesDue < today))
                {
                    var stage = timer;
                    var byRecipient = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                    foreach (var work in open)
                    {
                        var recipients = stage switch
                        {
                            TaskTimer.FirstReminder or TaskTimer.LastReminder => work.AssigneeUserId is { } assignee
                                ? [people.ActingFor(assignee)]
                                : people.Staff[work.TeamId],
                            TaskTimer.EscalateToTeamLead => people.TeamLeads[work.TeamId],
                            _ => people.Griffie[cycle.MunicipalityId],
                        };
                        foreach (var recipient in recipients)
                        {
                            if (!byRecipient.TryGetValue(recipient, out var indicators))
                            {
                                byRecipient[recipient] = indicators = [];
                            }

                            indicators.AddRange(work.Names.Split(NameSeparator));
                        }
                    }

                    pending.AddRange(byRecipient.Select(r => (cycle, stage, r.Key, r.Value)));
                    fired++;
                }

                (timer, timerOn) = active ? timers.After(timer, cycle.ValuesDue) : (TaskTimer.Done, null);
            }

            moves.Add((cycle.Id, timer, timerOn));
        }

        // Never twice: on SQLite the insert leaves out what the unique (person, event) index already holds; elsewhere it is looked up first.
        var sqlite = db.Database.IsSqlite();
        var known = new HashSet<(string, string)>();
        if (!sqlite)
        {
            var recipientIds = pending.Select(e => e.Recipient).Distinct().ToList();
            var keys = pending.Select(e => EventKey(e.Cycle.Id.Value, e.Stage)).Distinct().ToList();
            known = (await db.Notifications.Where(n => recipientIds.Contains(n.RecipientUserId) && keys.Contains(n.EventKey)).Select(n => new { n.RecipientUserId, n.EventKey }).ToListAsync(cancellationToken))
                .Select(n => (n.RecipientUserId, n.EventKey)).ToHashSet();
        }

        var periods = new Dictionary<ReportingPeriod, string>();
        var created = pending
            .Where(p => !known.Contains((p.Recipient, EventKey(p.Cycle.Id.Value, p.Stage))))
            .Select(p =>
            {
                if (!periods.TryGetValue(p.Cycle.Period, out var period))
                {
                    periods[p.Cycle.Period] = period = p.Cycle.Period.Display(Dutch);
                }

                var (subject, body) = Text(p.Stage, [.. p.Indicators.Distinct().Order()], p.Cycle.Title, period, p.Cycle.ValuesDue);
                return new Notification(p.Cycle.MunicipalityId, p.Recipient, EventKey(p.Cycle.Id.Value, p.Stage), subject, body, $"/cycles/{p.Cycle.Id}", now);
            })
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = created.Count;
        if (sqlite)
        {
            inserted = await SqliteBulkInsert.InsertAsync(db, created, cancellationToken, skipExisting: true);
        }
        else
        {
            db.Notifications.AddRange(created);
            await db.SaveChangesAsync(cancellationToken);
        }

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

    private static string EventKey(Guid cycle, TaskTimer stage) => $"cycle:{cycle}:{stage}";

    private static (string Subject, string Body) Text(TaskTimer stage, IReadOnlyList<string> indicators, string title, string period, DateOnly due)
    {
        var date = due.ToString("d MMMM yyyy", Dutch);
        var what = indicators.Count == 1 ? $"de waarde van '{indicators[0]}'" : $"{indicators.Count} waarden";
        var list = indicators.Count == 1 ? "" : "\n\n" + string.Join("\n", indicators.Select(i => "- " + i));
        return stage switch
        {
            TaskTimer.FirstReminder => ($"Herinnering: {title}, {period}, uiterlijk {date}",
                $"Voor '{title}' ({period}) moet {what} uiterlijk {date} zijn aangeleverd.{list}"),
            TaskTimer.LastReminder => ($"Bijna te laat: {title}, {period}, uiterlijk {date}",
                $"Voor '{title}' ({period}) moet {what} uiterlijk {date} zijn aangeleverd. Lever aan, of geef aan waarom een waarde niet beschikbaar is.{list}"),
            TaskTimer.EscalateToTeamLead => ($"Te laat: {title}, {period}",
                $"Voor '{title}' ({period}) had {what} uiterlijk {date} aangeleverd moeten zijn en ontbreekt nog. U ontvangt dit als teamleider.{list}"),
            _ => ($"Te laat (griffie): {title}, {period}",
                $"Voor '{title}' ({period}) had {what} uiterlijk {date} aangeleverd moeten zijn en ontbreekt nog, ook na melding aan de teamleider.{list}"),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep for {Today}: {Fired} timers fired, {Notifications} notifications")]
    private partial void LogSwept(int fired, int notifications, DateOnly today);
}
