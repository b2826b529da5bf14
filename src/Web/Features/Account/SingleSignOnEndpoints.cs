using System.Security.Claims;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Persistence;
using Governance.Web.Features.Accounts;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Web.Features.Account;

/// <summary>
/// Sign-in through the municipality's identity provider. Accounts stay Governance's: the provider's person is matched
/// by the subject linked before, or else by a verified e-mail address, to an account; an unknown person is refused
/// whatever the provider says, and so is a deactivated one. The first sign-in links the subject and accepts a
/// pending invitation. With role groups configured, the roles follow the person's groups at every sign-in.
/// </summary>
public static class SingleSignOnEndpoints
{
    public static IEndpointRouteBuilder MapSingleSignOnEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account/sso").ExcludeFromDescription().AllowAnonymous();

        group.MapGet("/", (string? returnUrl, IOptions<GovernanceSettings> settings, SignInManager<ApplicationUser> signIn) =>
        {
            if (!settings.Value.SingleSignOn.Enabled)
            {
                return Results.LocalRedirect("/account/login");
            }

            var callback = $"/account/sso/callback?returnUrl={Uri.EscapeDataString(AccountEndpoints.SafeLocalUrl(returnUrl))}";
            return Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(SingleSignOnSetup.Scheme, callback), [SingleSignOnSetup.Scheme]);
        });

        group.MapGet("/callback", async (string? returnUrl, HttpContext context, SignInManager<ApplicationUser> signIn, IOptions<GovernanceSettings> settings,
            GovernanceDbContext db, SignInAudit audit, AuditTrail trail, CancellationToken ct) =>
        {
            var info = await signIn.GetExternalLoginInfoAsync();
            if (info is null)
            {
                return Results.LocalRedirect("/account/login?error=sso-failed");
            }

            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            var users = signIn.UserManager;
            var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) ?? await ByVerifiedEmailAsync(users, info.Principal);
            if (user is null)
            {
                return Results.LocalRedirect("/account/login?error=sso-unknown");
            }

            if (await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is null)
            {
                var linked = await users.AddLoginAsync(user, info);
                if (!linked.Succeeded)
                {
                    return Results.LocalRedirect("/account/login?error=sso-unknown");
                }
            }

            if (user.IsActive && user.IsInvitationPending)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
                await audit.ByThemselvesAsync(user, AuditAction.InvitationAccepted, ct);
            }

            await FollowGroupsAsync(user, info.Principal, settings.Value.SingleSignOn, db, trail, ct);
            var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
            if (!result.Succeeded)
            {
                await audit.FailedAsync(user, "single sign-on: account niet actief", ct);
                return Results.LocalRedirect("/account/login?error=inactive");
            }

            await audit.SucceededAsync(user, "single sign-on", ct);
            return Results.LocalRedirect(AccountEndpoints.SafeLocalUrl(returnUrl));
        });

        return app;
    }

    /// <summary>Whether this sign-in came through the identity provider (Identity names the provider in the "amr" claim).</summary>
    public static bool ViaSingleSignOn(ClaimsPrincipal user) =>
        user.HasClaim("amr", SingleSignOnSetup.Scheme) || user.HasClaim(ClaimTypes.AuthenticationMethod, SingleSignOnSetup.Scheme);

    private static async Task<ApplicationUser?> ByVerifiedEmailAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal)
    {
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
        var verified = string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        return email is null || !verified ? null : await users.FindByEmailAsync(email);
    }

    /// <summary>With role groups configured, the person's roles are the ones their groups give (the last Beheerder keeps that role).</summary>
    private static async Task FollowGroupsAsync(
        ApplicationUser user, ClaimsPrincipal principal, SingleSignOnSettings settings, GovernanceDbContext db, AuditTrail trail, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(settings.GroupClaim) || settings.RoleGroups.Count == 0)
        {
            return;
        }

        var roles = principal.FindAll(settings.GroupClaim).Select(c => settings.RoleGroups.GetValueOrDefault(c.Value))
            .OfType<string>().Where(Roles.All.Contains).Distinct().Order().ToList();
        var current = await AccountRules.RolesOfAsync(db, user.Id, ct);
        if (current.Contains(Roles.Beheerder) && !roles.Contains(Roles.Beheerder)
            && !await AccountRules.OtherAdministratorExistsAsync(db, user.MunicipalityId, user.Id, ct))
        {
            roles = [.. roles.Append(Roles.Beheerder).Order()];
        }

        if (roles.SequenceEqual(current))
        {
            return;
        }

        await AccountRules.SetRolesAsync(db, user.Id, roles, ct);
        trail.Record(db, user.MunicipalityId, user.Id, user.DisplayName, AuditAction.AccountChanged, $"{user.DisplayName} <{user.Email}>",
            new AuditChange("Rollen (volgens de groepen bij single sign-on)", string.Join(", ", current), string.Join(", ", roles)));
        await db.SaveChangesAsync(ct);
    }
}
