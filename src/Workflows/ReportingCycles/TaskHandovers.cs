using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Domain.ReportingCycles.Events;
using Governance.Workflows.Notifications;
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

    private ValueTask SafelyAsync(IndicatorTaskId taskId, Handover handover, string? assignee, CancellationToken cancellationToken) =>
        HandoverNotices.SafelyAsync(() => NotifyAsync(taskId, handover, assignee, cancellationToken), e => LogFailed(e, taskId.Value, handover.ToString()));

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
        var people = await HandoverNotices.PeopleAsync(db, about.MunicipalityId, cancellationToken);
        var period = about.Period.Display(Dutch);
        var due = task.DueDate.ToString("d MMMM yyyy", Dutch);
        IEnumerable<HandoverNotices.Person> recipients;
        string subject;
        string body;
        if (handover == Handover.Assigned)
        {
            recipients = people.Where(p => p.User.Id == assignee);
            subject = $"Taak voor u: {name}, {period}";
            body = $"{about.Reference} {about.Title}: de waarde van '{name}' over {period} is aan u toegewezen. Dien haar uiterlijk {due} in.";
        }
        else
        {
            var members = people.Where(p => p.User.TeamId == task.TeamId && p.Is(Roles.Medewerker)).ToList();
            var enteredBy = task.CurrentValue?.RecordedBy;
            recipients = task.AssigneeUserId is { } given ? people.Where(p => p.User.Id == given)
                : members.Where(p => p.User.DisplayName == enteredBy).ToList() is { Count: > 0 } named ? named
                : members;
            subject = $"Teruggestuurd: {name}, {period}";
            body = $"{about.Reference} {about.Title}: de waarde van '{name}' over {period} is teruggestuurd" +
                   (task.ReturnReason is { } reason ? $" met dit commentaar: {reason}" : ".") + $" Pas haar aan en dien haar uiterlijk {due} opnieuw in.";
        }

        var key = $"task:{taskId}:{handover.ToString().ToLowerInvariant()}:{now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";
        await HandoverNotices.SendAsync(db, about.MunicipalityId, recipients, today, new(key, subject, body, $"/tasks/{taskId}"), now, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Handover} handover of task {TaskId} was not notified")]
    private partial void LogFailed(Exception exception, Guid taskId, string handover);
}
