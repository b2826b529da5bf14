using System.Globalization;
using System.Security.Claims;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Web.Hosting;

/// <summary>
/// Puts the municipality, display name, team and alderman of an account into its sign-in, and whether the person must
/// still set up two-step verification before doing anything else (<see cref="TwoFactorGate"/>).
/// </summary>
internal sealed class GovernanceClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    GovernanceDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == user.MunicipalityId);
        identity.AddClaim(new Claim(GovernanceClaims.Municipality, user.MunicipalityId.Value.ToString()));
        identity.AddClaim(new Claim(GovernanceClaims.MunicipalityName, municipality?.Name ?? ""));
        if (!user.TwoFactorEnabled && municipality is not null && municipality.TwoFactorRoles.Any(r => identity.HasClaim(identity.RoleClaimType, r)))
        {
            identity.AddClaim(new Claim(GovernanceClaims.TwoFactorSetupRequired, "true"));
        }

        identity.AddClaim(new Claim(GovernanceClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(GovernanceClaims.Team, team.Value.ToString()));
        }

        if (user.AldermanId is { } alderman)
        {
            identity.AddClaim(new Claim(GovernanceClaims.Alderman, alderman.Value.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
