using System.Security.Cryptography;

namespace Governance.Web.Hosting;

/// <summary>
/// The headers every answer carries. Pages get a Content-Security-Policy that runs only the app's own script
/// files and the one inline script Blazor writes (the import map), which carries this request's nonce; no inline
/// or foreign script, no plugins, no other base URL, no framing by other sites. MudBlazor sets styles inline, so
/// styles may be inline; scripts never. Downloads (a letter as HTML) are sandboxed and run no script at all; API
/// answers load nothing. Every answer says nosniff and sends the origin only to other sites; API answers to a
/// signed-in person or key are never stored by a cache.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The sandboxed policy for a document the app serves as a download: its own styles and images, nothing that runs.</summary>
    public const string DownloadPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    private const string ApiPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>This request's script nonce, for the inline scripts the app itself writes.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)); // no + or / to be HTML-encoded
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Signing out through single sign-on posts the sign-out form and is sent on to the identity provider.
        var sso = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<GovernanceSettings>>().Value.SingleSignOn;
        var formAction = sso.Enabled ? $"'self' {new Uri(sso.Authority!).GetLeftPart(UriPartial.Authority)}" : "'self'";
        return app.UseSecurityHeaders(formAction);
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string formAction) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            var api = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = api ? ApiPolicy : PagePolicy(context, formAction);
            }

            if (api && context.User.Identity?.IsAuthenticated == true)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    private static string PagePolicy(HttpContext context, string formAction) =>
        $"default-src 'self'; script-src 'self' 'nonce-{Nonce(context)}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
        $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'self'";
}
