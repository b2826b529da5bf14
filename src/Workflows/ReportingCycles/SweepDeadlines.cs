using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Fires every task timer that is due on <see cref="Today"/>, in batches: reminders before the values
/// deadline (to the team, or the assignee), escalations after it (to the team lead, then the griffie).
/// Each stage fires once: the timer moves on in the same transaction as the notifications it creates,
/// and a person gets one notification per event (unique index). Reminders that would arrive after the
/// deadline are skipped; escalations are not.
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
        while (true)
        {
            var (batchFired, batchNotifications, more) = await SweepBatchAsync(command, cancellationToken);
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

    private async Task<(int Fired, int Notifications, bool More)> SweepBatchAsync(SweepDeadlinesCommand command, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var today = command.Today;
        // Read without tracking: the timers move below with set-based updates, not 100,000 tracked rows.
        var due = await (from t in db.IndicatorTasks.AsNoTracking()
                         join c in db.ReportingCycles on t.CycleId equals c.Id
                         where t.NextTimerOn != null && t.NextTimerOn <= today
                         orderby t.NextTimerOn
                         select new { Task = t, Cycle = new { c.Id, c.ObligationId, c.MunicipalityId, c.Period, c.Status } })
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0, false);
        }

        var obligationIds = due.Select(d => d.Cycle.ObligationId).Distinct().ToList();
        var titles = await db.Obligations.Where(o => obligationIds.Contains(o.Id)).Select(o => new { o.Id, o.Title }).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        var indicatorIds = due.Select(d => d.Task.IndicatorId).Distinct().ToList();
        var names = (await db.IndicatorDefinitions.Where(d => indicatorIds.Contains(d.IndicatorId)).Select(d => new { d.IndicatorId, d.VersionNumber, d.Name }).ToListAsync(cancellationToken))
            .GroupBy(d => d.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.VersionNumber)!.Name);
        var municipalityIds = due.Select(d => d.Cycle.MunicipalityId).Distinct().ToList();
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where municipalityIds.Contains(u.MunicipalityId)
                            select new { u.Id, u.MunicipalityId, u.TeamId, Role = r.Name, u.SubstituteUserId, u.AwayUntil }).ToListAsync(cancellationToken);
        // While someone is away, their substitute gets what they would have got.
        var actingFor = people.GroupBy(p => p.Id).ToDictionary(
            g => g.Key,
            g => g.First().SubstituteUserId is { } substitute && g.First().AwayUntil is { } until && today <= until ? substitute : g.Key);
        var now = time.GetUtcNow().UtcDateTime;
        var fired = 0;
        var events = new List<(Guid Cycle, TaskTimer Stage, string Recipient, string Indicator, DateOnly Due, int Item)>();
        for (var i = 0; i < due.Count; i++)
        {
            var (task, cycle) = (due[i].Task, due[i].Cycle);
            var active = cycle.Status is ReportingCycleStatus.Open or ReportingCycleStatus.Collecting;
            while (task.NextTimerOn is { } on && on <= today)
            {
                var stage = task.NextTimer;
                var isReminder = stage is TaskTimer.FirstReminder or TaskTimer.LastReminder;
                if (active && !task.Status.IsDone() && !(isReminder && task.DueDate < today))
                {
                    IEnumerable<string> recipients = stage switch
                    {
                        TaskTimer.FirstReminder or TaskTimer.LastReminder => task.AssigneeUserId is { } assignee
                            ? [assignee]
                            : people.Where(p => p.TeamId == task.TeamId && p.Role == Roles.Medewerker).Select(p => p.Id),
                        TaskTimer.EscalateToTeamLead => people.Where(p => p.TeamId == task.TeamId && p.Role == Roles.Teamleider).Select(p => p.Id),
                        _ => people.Where(p => p.MunicipalityId == cycle.MunicipalityId && p.Role == Roles.Griffie).Select(p => p.Id),
                    };
                    events.AddRange(recipients.Select(r => actingFor.GetValueOrDefault(r, r)).Distinct().Select(r => (cycle.Id.Value, stage, r, names.GetValueOrDefault(task.IndicatorId, "?"), task.DueDate, i)));
                    fired++;
                }

                if (!active || task.Status.IsDone())
                {
                    task.ScheduleTimer(TaskTimer.Done, null);
                }
                else
                {
                    timers.Advance(task);
                }
            }
        }

        // One notification per cycle, stage and person, naming every indicator concerned; never twice.
        var recipientIds = events.Select(e => e.Recipient).Distinct().ToList();
        var known = (await db.Notifications.Where(n => recipientIds.Contains(n.RecipientUserId)).Select(n => new { n.RecipientUserId, n.EventKey }).ToListAsync(cancellationToken))
            .Select(n => (n.RecipientUserId, n.EventKey)).ToHashSet();
        var created = events
            .GroupBy(e => (e.Cycle, e.Stage, e.Recipient))
            .Where(g => !known.Contains((g.Key.Recipient, EventKey(g.Key.Cycle, g.Key.Stage))))
            .Select(g =>
            {
                var cycle = due[g.First().Item].Cycle;
                var (subject, body) = Text(g.Key.Stage, [.. g.Select(e => e.Indicator).Distinct().Order()], titles.GetValueOrDefault(cycle.ObligationId, "?"),
                    cycle.Period.Display(Dutch), g.Min(e => e.Due));
                return new Notification(cycle.MunicipalityId, g.Key.Recipient, EventKey(g.Key.Cycle, g.Key.Stage), subject, body, $"/cycles/{g.Key.Cycle}", now);
            })
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Notifications.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var moved in due.Select(d => d.Task).GroupBy(t => (t.NextTimer, t.NextTimerOn)))
        {
            var (timer, on) = moved.Key;
            foreach (var chunk in moved.Select(t => t.Id).Chunk(5_000))
            {
                var ids = chunk.ToList();
                await db.IndicatorTasks.Where(t => ids.Contains(t.Id))
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.NextTimer, timer).SetProperty(t => t.NextTimerOn, on), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (fired, created.Count, due.Count == command.BatchSize);
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
