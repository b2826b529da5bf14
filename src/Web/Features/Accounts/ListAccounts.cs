using Governance.Domain.Common;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

public enum AccountStatus
{
    Active,
    Invited,
    Deactivated,
}

/// <summary>The accounts of the Beheerder's municipality, one page at a time, searched by name or e-mail and filtered.</summary>
public sealed record ListAccountsQuery(string? Search = null, string? Role = null, Guid? TeamId = null, AccountStatus? Status = null, int Page = 1, int PageSize = 25)
    : IQuery<PagedResult<AccountLine>>;

public sealed record AccountLine(
    string Id,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    Guid? TeamId,
    string? Team,
    Guid? AldermanId,
    string? Alderman,
    AccountStatus Status,
    bool TwoFactor,
    DateTime? LastSignInAtUtc,
    string ConcurrencyStamp,
    IReadOnlyList<ApiKeyLine> ApiKeys);

public sealed record ApiKeyLine(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, bool Revoked);

/// <summary>Accounts are not limited by the database's municipality filter (Identity reads them before sign-in), so this handler limits them.</summary>
public sealed class ListAccountsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<ListAccountsQuery, PagedResult<AccountLine>>
{
    public const int MaxPageSize = 100;

    public async ValueTask<PagedResult<AccountLine>> Handle(ListAccountsQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        if (user.MunicipalityId is not { } municipality)
        {
            return new PagedResult<AccountLine>([], 0, page, size);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var accounts = db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipality);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = SearchText.Pattern(query.Search);
            accounts = accounts.Where(u => EF.Functions.Like(SearchText.Folded(u.DisplayName), term, SearchText.Escape)
                || EF.Functions.Like(SearchText.Folded(u.Email), term, SearchText.Escape));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            // The role's id first: then each account is one look-up in the (user, role) key.
            var roleId = await db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
            accounts = accounts.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (query.TeamId is { } team)
        {
            accounts = accounts.Where(u => u.TeamId == new TeamId(team));
        }

        accounts = query.Status switch
        {
            AccountStatus.Deactivated => accounts.Where(u => u.DeactivatedAtUtc != null),
            AccountStatus.Invited => accounts.Where(u => u.DeactivatedAtUtc == null && u.InvitedAtUtc != null && !u.EmailConfirmed),
            AccountStatus.Active => accounts.Where(u => u.DeactivatedAtUtc == null && (u.InvitedAtUtc == null || u.EmailConfirmed)),
            _ => accounts,
        };

        var total = await accounts.CountAsync(cancellationToken);
        var users = await accounts.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.Where(t => t.MunicipalityId == municipality).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var aldermen = await db.Aldermen.Where(a => a.MunicipalityId == municipality).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var keys = await db.ApiKeys.Where(k => ids.Contains(k.UserId)).OrderBy(k => k.CreatedAtUtc).ToListAsync(cancellationToken);
        var lines = users.Select(u => new AccountLine(
            u.Id,
            u.DisplayName,
            u.Email ?? "",
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            u.TeamId?.Value,
            u.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
            u.AldermanId?.Value,
            u.AldermanId is { } a ? aldermen.GetValueOrDefault(a) : null,
            !u.IsActive ? AccountStatus.Deactivated : u.IsInvitationPending ? AccountStatus.Invited : AccountStatus.Active,
            u.TwoFactorEnabled,
            u.LastSignInAtUtc,
            u.ConcurrencyStamp ?? "",
            [.. keys.Where(k => k.UserId == u.Id).Select(k => new ApiKeyLine(k.Id.Value, k.Name, k.Prefix, k.CreatedAtUtc, !k.IsActive))]));
        return new PagedResult<AccountLine>([.. lines], total, page, size);
    }
}
