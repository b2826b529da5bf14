using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Administration;

public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserLine>>;

public sealed record UserLine(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, string? Team, string? Alderman, bool LockedOut, IReadOnlyList<ApiKeyLine> ApiKeys);

public sealed record ApiKeyLine(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, bool Revoked);

/// <summary>The accounts of the administrator's own municipality (accounts are not filtered by the database, so this handler does it).</summary>
public sealed class ListUsersHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : IQueryHandler<ListUsersQuery, IReadOnlyList<UserLine>>
{
    public async ValueTask<IReadOnlyList<UserLine>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var users = await db.Users.Where(u => u.MunicipalityId == municipality).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var aldermen = await db.Aldermen.ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var keys = await db.ApiKeys.Where(k => userIds.Contains(k.UserId)).OrderBy(k => k.CreatedAtUtc).ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserLine(
            u.Id,
            u.DisplayName,
            u.Email ?? "",
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            u.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
            u.AldermanId is { } a ? aldermen.GetValueOrDefault(a) : null,
            u.LockoutEnd is { } end && end > now,
            [.. keys.Where(k => k.UserId == u.Id).Select(k => new ApiKeyLine(k.Id.Value, k.Name, k.Prefix, k.CreatedAtUtc, !k.IsActive))]))];
    }
}
