using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Governance.Web.Features.Accounts;
using Governance.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Account;

/// <summary>Sign-in and sign-out as plain form posts (cookies are set on an HTTP response, not over a circuit).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();

        group.MapPost("/login", async (
                [FromForm] string? email,
                [FromForm] string? password,
                [FromForm] string? returnUrl,
                SignInManager<ApplicationUser> signIn,
                UserManager<ApplicationUser> users,
                SignInAudit audit,
                GovernanceDbContext db,
                CancellationToken ct) =>
            {
                var target = SafeLocalUrl(returnUrl);
                var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
                if (user is null || string.IsNullOrEmpty(password))
                {
                    return Results.LocalRedirect(LoginUrl("invalid", target));
                }

                if (!await PasswordSignInAllowedAsync(db, user, ct))
                {
                    await audit.FailedAsync(user, "wachtwoord uitgeschakeld; single sign-on", ct);
                    return Results.LocalRedirect(LoginUrl("sso-only", target));
                }

                var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    await audit.SucceededAsync(user, "wachtwoord", ct);
                    return Results.LocalRedirect(target);
                }

                if (result.RequiresTwoFactor)
                {
                    return Results.LocalRedirect($"/account/two-factor?returnUrl={Uri.EscapeDataString(target)}");
                }

                // A deactivated account or an unaccepted invitation is named only to whoever knows the password.
                var error = result.IsLockedOut ? "locked"
                    : result.IsNotAllowed && await users.CheckPasswordAsync(user, password) ? "inactive"
                    : "invalid";
                await audit.FailedAsync(user, error switch { "locked" => "geblokkeerd na te veel pogingen", "inactive" => "account niet actief", _ => "wachtwoord onjuist" }, ct);
                return Results.LocalRedirect(LoginUrl(error, target));
            })
            .AllowAnonymous();

        // Signing out ends the session on the server (SignInSessions); it needs the form's antiforgery token, so
        // no other site can sign someone out.
        group.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn, IOptions<GovernanceSettings> settings) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.Problem("Het formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw en meld u dan af.", statusCode: StatusCodes.Status400BadRequest, title: "Afmelden niet gelukt.");
                }

                var viaProvider = SingleSignOnEndpoints.ViaSingleSignOn(context.User);
                await signIn.SignOutAsync();
                if (viaProvider && settings.Value.SingleSignOn.Enabled)
                {
                    // Signed in at the provider too: sign out there, which comes back to the sign-in page.
                    return Results.SignOut(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/account/login?info=signed-out" }, [SingleSignOnSetup.Scheme]);
                }

                return Results.LocalRedirect("/account/login");
            })
            .RequireAuthorization();

        app.MapGet("/culture", (string? culture, string? returnUrl, HttpContext context) =>
            {
                var chosen = culture is "en-GB" or "nl-NL" ? culture : "nl-NL";
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
                return Results.LocalRedirect(SafeLocalUrl(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        return app;
    }

    /// <summary>Whether the account's municipality still lets people sign in with a Governance password.</summary>
    public static async Task<bool> PasswordSignInAllowedAsync(GovernanceDbContext db, ApplicationUser user, CancellationToken cancellationToken) =>
        await db.Municipalities.Where(m => m.Id == user.MunicipalityId).Select(m => m.PasswordSignIn).SingleOrDefaultAsync(cancellationToken);

    private static string LoginUrl(string error, string returnUrl) =>
        $"/account/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The address to return to after signing in: a path of this site, never another site.</summary>
    public static string SafeLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
