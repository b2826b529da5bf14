using Governance.Domain.Accounts;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

/// <summary>The rules every change to an account keeps, whichever command makes it.</summary>
internal static class AccountRules
{
    /// <summary>The roles of one account, by name.</summary>
    public static async Task<List<string>> RolesOfAsync(GovernanceDbContext db, string userId, CancellationToken cancellationToken) =>
        await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!)
            .OrderBy(n => n).ToListAsync(cancellationToken);

    /// <summary>Whether another active person than <paramref name="userId"/> administers the municipality.</summary>
    public static async Task<bool> OtherAdministratorExistsAsync(GovernanceDbContext db, MunicipalityId municipality, string userId, CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where u.MunicipalityId == municipality && u.Id != userId && u.DeactivatedAtUtc == null && r.Name == Roles.Beheerder
               select u.Id).AnyAsync(cancellationToken);

    /// <summary>Sets the roles of an account to exactly <paramref name="roles"/>.</summary>
    public static async Task SetRolesAsync(GovernanceDbContext db, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var all = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var current = await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync(cancellationToken);
        var wanted = roles.Select(r => all[r]).ToHashSet();
        db.UserRoles.RemoveRange(current.Where(ur => !wanted.Contains(ur.RoleId)));
        db.UserRoles.AddRange(wanted.Where(id => current.All(ur => ur.RoleId != id))
            .Select(id => new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = userId, RoleId = id }));
    }

    /// <summary>Checks the team and alderman an account is linked to: they exist in its municipality and fit its roles.</summary>
    public static async Task<Dictionary<string, string[]>> CheckLinksAsync(
        GovernanceDbContext db, MunicipalityId municipality, IReadOnlyCollection<string> roles, Guid? teamId, Guid? aldermanId, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (teamId is { } team)
        {
            if (!await db.Teams.AnyAsync(t => t.Id == new TeamId(team) && t.MunicipalityId == municipality && t.RetiredOn == null, cancellationToken))
            {
                problems["teamId"] = ["Dit team bestaat niet (meer) in uw gemeente."];
            }
        }
        else if (roles.Contains(Roles.Medewerker) || roles.Contains(Roles.Teamleider))
        {
            problems["teamId"] = ["Kies het team van deze medewerker of teamleider."];
        }

        if (aldermanId is { } alderman)
        {
            if (!await db.Aldermen.AnyAsync(a => a.Id == new AldermanId(alderman) && a.MunicipalityId == municipality, cancellationToken))
            {
                problems["aldermanId"] = ["Deze wethouder bestaat niet in uw gemeente."];
            }
        }
        else if (roles.Contains(Roles.Wethouder))
        {
            problems["aldermanId"] = ["Kies welke wethouder dit account is."];
        }

        return problems;
    }

    /// <summary>Ends every sign-in of the account at once, on every app instance (the session check refuses their cookies).</summary>
    public static async Task EndSessionsAsync(GovernanceDbContext db, string userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var sessions = await db.SignInSessions.Where(s => s.UserId == userId && s.EndedAtUtc == null).ToListAsync(cancellationToken);
        sessions.ForEach(s => s.End(nowUtc));
    }
}

/// <summary>The names the audit log and the messages show for an account's links.</summary>
internal static class AccountNames
{
    public static async Task<string?> TeamAsync(GovernanceDbContext db, TeamId? team, CancellationToken cancellationToken) =>
        team is { } id ? await db.Teams.Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) : null;

    public static async Task<string?> AldermanAsync(GovernanceDbContext db, AldermanId? alderman, CancellationToken cancellationToken) =>
        alderman is { } id ? await db.Aldermen.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) : null;
}
