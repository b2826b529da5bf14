using Governance.Domain.Persistence;
using Governance.Workflows.Scheduling;
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
                             join m in db.Municipalities on u.MunicipalityId equals m.Id
                             where n.EmailedAtUtc == null && u.Email != null && !u.EmailDigest
                             orderby n.CreatedAtUtc
                             select new { Notification = n, u.Email, u.DisplayName, m.PublicAddress })
            .Take(command.BatchSize).ToListAsync(cancellationToken);
        foreach (var item in pending)
        {
            var n = item.Notification;
            await mailer.SendAsync(new OutgoingMail(item.Email!, item.DisplayName, n.Subject, n.Body, n.Link, PublicAddress: item.PublicAddress), cancellationToken);
            n.MarkEmailed(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return pending.Count;
    }
}

[AutomaticRetry(Attempts = 5)]
[RunsAlone(timeoutInSeconds: 300)]
public sealed class SendNotificationsJob(ISender sender)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await sender.Send(new SendNotificationsCommand(), cancellationToken);
}

/// <summary>
/// The daily digest: for each person who chose it, one e-mail with every notification not yet e-mailed,
/// newest first, then all of them marked e-mailed together.
/// </summary>
public sealed record SendDailyDigestCommand : ICommand<int>;

public sealed class SendDailyDigestHandler(ISystemDatabase database, IMailer mailer, TimeProvider time) : ICommandHandler<SendDailyDigestCommand, int>
{
    public async ValueTask<int> Handle(SendDailyDigestCommand command, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var pending = await (from n in db.Notifications
                             join u in db.Users on n.RecipientUserId equals u.Id
                             join m in db.Municipalities on u.MunicipalityId equals m.Id
                             where n.EmailedAtUtc == null && u.Email != null && u.EmailDigest
                             select new { Notification = n, u.Id, u.Email, u.DisplayName, m.PublicAddress })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var person in pending.GroupBy(p => (p.Id, p.Email, p.DisplayName, p.PublicAddress)))
        {
            var items = person.Select(p => p.Notification).OrderByDescending(n => n.CreatedAtUtc).ToList();
            var body = string.Join("\n\n", items.Select(n => $"- {n.Subject}\n  {n.Body.Replace("\n", "\n  ", StringComparison.Ordinal)}"));
            await mailer.SendAsync(new OutgoingMail(person.Key.Email!, person.Key.DisplayName,
                $"Governance: {items.Count} nieuwe melding{(items.Count == 1 ? "" : "en")}", $"Uw meldingen sinds de vorige samenvatting:\n\n{body}", "/notifications", PublicAddress: person.Key.PublicAddress), cancellationToken);
            items.ForEach(n => n.MarkEmailed(time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }

        return sent;
    }
}

[AutomaticRetry(Attempts = 5)]
[RunsAlone(timeoutInSeconds: 600)]
public sealed class SendDailyDigestJob(ISender sender)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await sender.Send(new SendDailyDigestCommand(), cancellationToken);
}
