using System.Security.Claims;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Hosting;

/// <summary>
/// Ties every sign-in cookie to a <see cref="SignInSession"/> on the server: signing in starts one and names it in
/// the cookie, every request checks that it has not ended nor outlived its lifetime, and signing out ends it. So a cookie stops working the
/// moment its owner signs out, on every app instance, even when a copy of it was kept. Uses the accounts' own
/// context (not limited to a municipality), as ASP.NET Core Identity does.
/// </summary>
internal static class SignInSessions
{
    public const string ClaimType = "governance:session";

    public static void Track(CookieAuthenticationEvents events)
    {
        var validateStamp = events.OnValidatePrincipal;
        events.OnSigningIn = StartAsync;
        events.OnValidatePrincipal = async context =>
        {
            await validateStamp(context);
            if (context.Principal is not null)
            {
                await ValidateAsync(context);
            }
        };
        events.OnSigningOut = EndAsync;
    }

    /// <summary>The security stamp check rebuilds the identity now and then; the session it belongs to, and how it signed in, stay the same.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ClaimType, session.Value));
            foreach (var method in context.CurrentPrincipal.FindAll("amr").Where(m => !identity.HasClaim("amr", m.Value)))
            {
                identity.AddClaim(new Claim("amr", method.Value));
            }
        }

        return Task.CompletedTask;
    }

    private static async Task StartAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimType) is not null
            || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<GovernanceDbContext>();
        var session = SignInSession.Start(userId, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(ClaimType, session.Id.Value.ToString()));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var startedAfter = SignInSession.StartedAfter(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var active = Guid.TryParse(context.Principal!.FindFirst(ClaimType)?.Value, out var id)
            && await services.GetRequiredService<GovernanceDbContext>().SignInSessions
                .AnyAsync(s => s.Id == SignInSessionId.From(id) && s.EndedAtUtc == null && s.StartedAtUtc > startedAfter, context.HttpContext.RequestAborted);
        if (!active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    private static async Task EndAsync(CookieSigningOutContext context)
    {
        if (!Guid.TryParse(context.HttpContext.User.FindFirst(ClaimType)?.Value, out var id))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<GovernanceDbContext>();
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == SignInSessionId.From(id), context.HttpContext.RequestAborted);
        session?.End(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
    }
}
