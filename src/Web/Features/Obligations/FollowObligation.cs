using System.Globalization;
using Governance.Domain.Common;
using Governance.Domain.Notifications;
using Governance.Domain.Obligations;
using Governance.Domain.Obligations.Events;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>Follow an obligation (or stop): followers hear when its status changes. Council members use it most; any role may.</summary>
public sealed record FollowObligationCommand(Guid ObligationId, bool Follow) : ICommand<Result<bool>>;

public sealed class FollowObligationHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<FollowObligationCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(FollowObligationCommand command, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me || user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente volgt moties en toezeggingen.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ObligationId(command.ObligationId);
        if (!await db.Obligations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return new NotFound("Obligation");
        }

        var existing = await db.ObligationFollowers.SingleOrDefaultAsync(f => f.ObligationId == id && f.UserId == me, cancellationToken);
        if (command.Follow && existing is null)
        {
            db.ObligationFollowers.Add(new ObligationFollower(municipality, id, me, time.GetUtcNow().UtcDateTime));
        }
        else if (!command.Follow && existing is not null)
        {
            db.ObligationFollowers.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Followed twice at once (two tabs): the first one counts, the outcome is the same.
        }

        return command.Follow;
    }
}

/// <summary>Whether I follow an obligation, and how many people do; not found for an obligation I cannot see (another municipality's).</summary>
public sealed record GetFollowStateQuery(Guid ObligationId) : IQuery<Result<FollowState>>;

public sealed record FollowState(bool Following, int Followers);

public sealed class GetFollowStateHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user) : IQueryHandler<GetFollowStateQuery, Result<FollowState>>
{
    public async ValueTask<Result<FollowState>> Handle(GetFollowStateQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ObligationId(query.ObligationId);
        if (!await db.Obligations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return new NotFound("Obligation");
        }

        var followers = await db.ObligationFollowers.Where(f => f.ObligationId == id).Select(f => f.UserId).ToListAsync(cancellationToken);
        return new FollowState(user.UserId is { } me && followers.Contains(me), followers.Count);
    }
}

/// <summary>
/// Tells the followers of an obligation that its status changed: one notification each, in the app and
/// by e-mail (or in their daily digest), sent by the notifications job like every other.
/// </summary>
public sealed partial class NotifyFollowersOfStatus(IServiceScopeFactory scopes, TimeProvider time, ILogger<NotifyFollowersOfStatus> logger) : INotificationHandler<ObligationStatusChanged>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask Handle(ObligationStatusChanged notification, CancellationToken cancellationToken)
    {
        try
        {
            await NotifyAsync(notification, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The change itself is saved; a missed follower notification must not undo or fail it.
            LogFailed(e, notification.ObligationId.Value);
        }
    }

    private async Task NotifyAsync(ObligationStatusChanged notification, CancellationToken cancellationToken)
    {
        // A scope of its own: the save that raised the event may belong to a job without a signed-in person.
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var obligation = await db.Obligations.AsNoTracking().Where(o => o.Id == notification.ObligationId)
            .Select(o => new { o.Reference, o.Title, o.MunicipalityId }).SingleOrDefaultAsync(cancellationToken);
        if (obligation is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var key = $"obligation:{notification.ObligationId}:{notification.From}>{notification.To}:{now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";
        var subject = $"{obligation.Reference} {obligation.Title}: {Status(notification.To)}";
        var body = $"De status van '{obligation.Title}' ({obligation.Reference}) is gewijzigd van '{Status(notification.From)}' naar '{Status(notification.To)}' " +
                   $"op {Domain.Planning.MunicipalTime.ToLocal(now).ToString("d MMMM yyyy", Dutch)}. U ontvangt dit omdat u deze motie of toezegging volgt.";
        await FollowerNotices.SendAsync(db, notification.ObligationId, obligation.MunicipalityId, new(key, subject, body, $"/obligations/{notification.ObligationId}"), now, cancellationToken);
    }

    private static string Status(ObligationStatus status) => ObligationStatusText.Dutch(status).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Followers of obligation {ObligationId} were not notified of its status change")]
    private partial void LogFailed(Exception exception, Guid obligationId);
}

/// <summary>One notification for every follower of an obligation (in the app, and by e-mail or in their digest).</summary>
public static class FollowerNotices
{
    public sealed record Notice(string EventKey, string Subject, string Body, string Link);

    public static async Task SendAsync(GovernanceDbContext db, ObligationId obligationId, Domain.Municipalities.MunicipalityId municipalityId, Notice notice, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var followers = await db.ObligationFollowers.Where(f => f.ObligationId == obligationId).Select(f => f.UserId).ToListAsync(cancellationToken);
        if (followers.Count == 0)
        {
            return;
        }

        db.Notifications.AddRange(followers.Select(f => new Notification(municipalityId, f, notice.EventKey, notice.Subject, notice.Body, notice.Link, nowUtc)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
