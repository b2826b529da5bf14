using Governance.Domain.Auditing;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Audit;

/// <summary>
/// The audit log, newest first, one page at a time: <see cref="Before"/> is the number of the last line of the
/// previous page (so a page costs the same at the millionth line as at the first), filtered by action, actor and
/// the period (municipal dates, both included).
/// </summary>
public sealed record ListAuditQuery(AuditAction? Action = null, string? ActorUserId = null, DateOnly? From = null, DateOnly? To = null, long? Before = null, int PageSize = 50)
    : IQuery<AuditPage>;

public sealed record AuditPage(IReadOnlyList<AuditLine> Items, long? NextBefore);

public sealed record AuditLine(long Id, DateTime AtUtc, string Actor, string? ActorUserId, AuditAction Action, string Subject, string Details);

public sealed class ListAuditHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListAuditQuery, AuditPage>
{
    public const int MaxPageSize = 200;

    public async ValueTask<AuditPage> Handle(ListAuditQuery query, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = db.AuditLog.AsNoTracking();
        if (query.Before is { } before)
        {
            lines = lines.Where(l => l.Id < before);
        }

        if (query.Action is { } action)
        {
            lines = lines.Where(l => l.Action == action);
        }

        if (!string.IsNullOrEmpty(query.ActorUserId))
        {
            lines = lines.Where(l => l.ActorUserId == query.ActorUserId);
        }

        if (query.From is { } from)
        {
            var start = MunicipalTime.ToUtc(from, TimeOnly.MinValue);
            lines = lines.Where(l => l.AtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = MunicipalTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
            lines = lines.Where(l => l.AtUtc < end);
        }

        var page = await lines.OrderByDescending(l => l.Id).Take(size + 1)
            .Select(l => new AuditLine(l.Id, l.AtUtc, l.Actor, l.ActorUserId, l.Action, l.Subject, l.Details))
            .ToListAsync(cancellationToken);
        return page.Count > size ? new AuditPage(page[..size], page[size - 1].Id) : new AuditPage(page, null);
    }
}
