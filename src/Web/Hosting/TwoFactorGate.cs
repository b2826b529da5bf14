namespace Governance.Web.Hosting;

/// <summary>
/// A person whose role requires two-step verification and who has not set it up yet, is signed in for one thing only:
/// setting it up. Pages send them there; the API answers 403 with the reason.
/// </summary>
internal static class TwoFactorGate
{
    public const string SetupPath = "/account/two-factor/setup";

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var api = context.Request.Path.StartsWithSegments("/api");
        // Who signed in through the municipality's identity provider had its second step there.
        if (!context.User.HasClaim(GovernanceClaims.TwoFactorSetupRequired, "true") || Features.Account.SingleSignOnEndpoints.ViaSingleSignOn(context.User)
            || (!api && MayPass(context.Request.Path)))
        {
            await next(context);
            return;
        }

        if (api)
        {
            await Results.Problem(
                "Uw rol vereist tweestapsverificatie. Stel die eerst in via Mijn account; daarna werkt alles weer.",
                statusCode: StatusCodes.Status403Forbidden, title: "Tweestapsverificatie vereist.").ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(SetupPath);
    });

    private static bool MayPass(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/culture") || Path.HasExtension(path.Value);
}
