using Governance.Domain.Accounts;
using Governance.Domain.Municipalities;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Notifications;

/// <summary>
/// What every handover notice needs: the active people of a municipality with their roles, and one notification per
/// person for an event, to their substitute while they are away, never twice for the same event key.
/// </summary>
internal static class HandoverNotices
{
    public sealed record Person(ApplicationUser User, IReadOnlySet<string> Roles)
    {
        public bool Is(string role) => Roles.Contains(role);
    }

    public sealed record Notice(string EventKey, string Subject, string Body, string Link);

    /// <summary>
    /// Runs a handover's notice after its step was saved: a failure to notify is tried again twice (a busy database, or
    /// the same notice written meanwhile, which the next try finds), then logged, never thrown, so it does not undo or
    /// fail the step. <paramref name="notify"/> works in a scope of its own each time and writes each notice once.
    /// </summary>
    public static async ValueTask SafelyAsync(Func<Task> notify, Action<Exception> logFailed)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await notify();
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                if (attempt == Attempts)
                {
                    logFailed(e);
                    return;
                }

                await Task.Delay(RetryPause * attempt);
            }
        }
    }

    private const int Attempts = 3;

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    /// <summary>The active people of <paramref name="municipality"/>, with their roles.</summary>
    public static async Task<IReadOnlyList<Person>> PeopleAsync(GovernanceDbContext db, MunicipalityId municipality, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipality && u.DeactivatedAtUtc == null).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        return [.. users.Select(u => new Person(u, roles[u.Id].ToHashSet()))];
    }

    /// <summary>The notice for each of <paramref name="people"/> (or whoever stands in for them on <paramref name="today"/>) that does not have it yet.</summary>
    public static async Task SendAsync(
        GovernanceDbContext db, MunicipalityId municipality, IEnumerable<Person> people, DateOnly today, Notice notice, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var recipients = people.Select(p => p.User.ActingFor(today)).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        // By recipient and key, so the unique (recipient, key) index answers, however many notifications there are.
        var known = await db.Notifications.Where(n => recipients.Contains(n.RecipientUserId) && n.EventKey == notice.EventKey)
            .Select(n => n.RecipientUserId).ToListAsync(cancellationToken);
        db.Notifications.AddRange(recipients.Except(known).Select(r => new Notification(municipality, r, notice.EventKey,
            Notification.Fit(notice.Subject, Notification.SubjectMaxLength), Notification.Fit(notice.Body, Notification.BodyMaxLength), notice.Link, nowUtc)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
