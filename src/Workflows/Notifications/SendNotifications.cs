using Governance.Domain.Persistence;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Notifications;

/// <summary>
/// E-mails the notifications not yet e-mailed, one e-mail per notification (so per event per person).
/// A notification is marked e-mailed right after its e-mail went out; a crash in between may send that
/// one e-mail twice, never lose it.
/// </summary>
public sealed record SendNotificationsCommand(int BatchSize = 200) : ICommand<int>;

public sealed class SendNotificationsHandler(ISystemDatabase database, IMailer mailer, TimeProvider time) : ICommandHandler<SendNotificationsCommand, int>
{
    public async ValueTask<int> Handle(SendNotificationsCommand command, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var pending = await (from n in db.Notifications
                             join u in db.Users on n.RecipientUserId equals u.Id
                             where n.EmailedAtUtc == null && u.Email != null
                             orderby n.CreatedAtUtc
                             select new { Notification = n, u.Email, u.DisplayName })
            .Take(command.BatchSize).ToListAsync(cancellationToken);
        foreach (var item in pending)
        {
            var n = item.Notification;
            await mailer.SendAsync(new OutgoingMail(item.Email!, item.DisplayName, n.Subject, n.Body, n.Link), cancellationToken);
            n.MarkEmailed(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return pending.Count;
    }
}

[AutomaticRetry(Attempts = 5)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class SendNotificationsJob(ISender sender)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await sender.Send(new SendNotificationsCommand(), cancellationToken);
}
