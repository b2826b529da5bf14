using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Domain.ReportingCycles.Events;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Tells the next person when an indicator task is theirs: given to them by the team lead, or its value returned to
/// whoever entered it (the assignee, else the team members who entered it under their name, else the team's staff),
/// with the comment. Someone away is replaced by their substitute. One notification per event per person.
/// </summary>
public sealed partial class TaskHandovers(IServiceScopeFactory scopes, TimeProvider time, ILogger<TaskHandovers> logger)
    : INotificationHandler<IndicatorTaskAssigned>, INotificationHandler<IndicatorTaskStatusChanged>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public ValueTask Handle(IndicatorTaskAssigned notification, CancellationToken cancellationToken) =>
        SafelyAsync(notification.TaskId, Handover.Assigned, notification.AssigneeUserId, cancellationToken);

    public ValueTask Handle(IndicatorTaskStatusChanged notification, CancellationToken cancellationToken) =>
        notification.To == IndicatorTaskStatus.Returned ? SafelyAsync(notification.TaskId, Handover.Returned, null, cancellationToken) : ValueTask.CompletedTask;

    private enum Handover
    {
        Assigned,
        Returned,
    }

    private async ValueTask SafelyAsync(IndicatorTaskId taskId, Handover handover, string? assignee, CancellationToken cancellationToken)
    {
        try
        {
            await NotifyAsync(taskId, handover, assignee, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The step itself is saved; a missed notification must not undo or fail it.
            LogFailed(e, taskId.Value, handover.ToString());
        }
    }

    private async Task NotifyAsync(IndicatorTaskId taskId, Handover handover, string? assignee, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var task = await db.IndicatorTasks.AsNoTracking().Include(t => t.Values).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return;
        }

        var about = await (from c in db.ReportingCycles
                           join o in db.Obligations on c.ObligationId equals o.Id
                           where c.Id == task.CycleId
                           select new { c.MunicipalityId, c.Period, o.Reference, o.Title }).SingleOrDefaultAsync(cancellationToken);
        var name = await db.IndicatorDefinitions.Where(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        if (about is null || name is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = MunicipalTime.Today(time);
        var team = await db.Users.AsNoTracking().Where(u => u.MunicipalityId == about.MunicipalityId && u.DeactivatedAtUtc == null).ToListAsync(cancellationToken);
        var staff = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Medewerker select ur.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var period = about.Period.Display(Dutch);
        var due = task.DueDate.ToString("d MMMM yyyy", Dutch);
        IEnumerable<ApplicationUser> people;
        string subject;
        string body;
        if (handover == Handover.Assigned)
        {
            people = team.Where(u => u.Id == assignee);
            subject = $"Taak voor u: {name}, {period}";
            body = $"{about.Reference} {about.Title}: de waarde van '{name}' over {period} is aan u toegewezen. Dien haar uiterlijk {due} in.";
        }
        else
        {
            var members = team.Where(u => u.TeamId == task.TeamId && staff.Contains(u.Id)).ToList();
            var enteredBy = task.CurrentValue?.RecordedBy;
            people = task.AssigneeUserId is { } given ? team.Where(u => u.Id == given)
                : members.Where(u => u.DisplayName == enteredBy).ToList() is { Count: > 0 } named ? named
                : members;
            subject = $"Teruggestuurd: {name}, {period}";
            body = $"{about.Reference} {about.Title}: de waarde van '{name}' over {period} is teruggestuurd" +
                   (task.ReturnReason is { } reason ? $" met dit commentaar: {reason}" : ".") + $" Pas haar aan en dien haar uiterlijk {due} opnieuw in.";
        }

        var recipients = people.Select(p => p.ActingFor(today)).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var key = $"task:{taskId}:{handover.ToString().ToLowerInvariant()}:{now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";
        db.Notifications.AddRange(recipients.Select(r => new Notification(about.MunicipalityId, r, key, Notification.Fit(subject, Notification.SubjectMaxLength), Notification.Fit(body, Notification.BodyMaxLength), $"/tasks/{taskId}", now)));
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Handover} handover of task {TaskId} was not notified")]
    private partial void LogFailed(Exception exception, Guid taskId, string handover);
}
