using Governance.Domain.Common;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Notifications;

public sealed record CountUnreadNotificationsQuery : IQuery<int>;

public sealed record ListMyNotificationsQuery(int Page = 1, int PageSize = 25) : IQuery<PagedResult<NotificationLine>>;

public sealed record NotificationLine(Guid Id, string Subject, string Body, string? Link, DateTime CreatedAtUtc, bool Read);

/// <summary>Marks the given notifications (or, with none given, all) of the current person read; says which ids were not theirs or not known.</summary>
public sealed record MarkNotificationsReadCommand(IReadOnlyList<Guid>? Ids) : ICommand<MarkedRead>;

/// <summary>How many were marked read now, and the ids given that are no notification of this person.</summary>
public sealed record MarkedRead(int Marked, IReadOnlyList<Guid> Unknown);

public sealed class CountUnreadNotificationsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<CountUnreadNotificationsQuery, int>
{
    public async ValueTask<int> Handle(CountUnreadNotificationsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == user.UserId && n.ReadAtUtc == null, cancellationToken);
    }
}

public sealed class ListMyNotificationsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<ListMyNotificationsQuery, PagedResult<NotificationLine>>
{
    public async ValueTask<PagedResult<NotificationLine>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.Where(n => n.RecipientUserId == user.UserId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(n => n.CreatedAtUtc)
            .Skip((Math.Max(query.Page, 1) - 1) * Math.Clamp(query.PageSize, 1, 100)).Take(Math.Clamp(query.PageSize, 1, 100))
            .Select(n => new NotificationLine(n.Id.Value, n.Subject, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(cancellationToken);
        return new PagedResult<NotificationLine>(items, total, query.Page, query.PageSize);
    }
}

public sealed class MarkNotificationsReadHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<MarkNotificationsReadCommand, MarkedRead>
{
    public async ValueTask<MarkedRead> Handle(MarkNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.Where(n => n.RecipientUserId == user.UserId);
        var unknown = new List<Guid>();
        if (command.Ids is { Count: > 0 } ids)
        {
            var typed = ids.Distinct().Select(NotificationId.From).ToList();
            mine = mine.Where(n => typed.Contains(n.Id));
            var known = await mine.Select(n => n.Id).ToListAsync(cancellationToken);
            unknown.AddRange(typed.Except(known).Select(id => id.Value));
        }

        var unread = await mine.Where(n => n.ReadAtUtc == null).ToListAsync(cancellationToken);
        unread.ForEach(n => n.MarkRead(time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return new MarkedRead(unread.Count, unknown);
    }
}
