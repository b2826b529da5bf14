using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Governance.Web.Hosting;

/// <summary>
/// The OpenID Connect client, when single sign-on is configured: the authorization code flow with PKCE, the answer by
/// query (so the correlation cookies can stay SameSite=Lax), the person's claims from the user info endpoint, and the
/// result held in Identity's external cookie until <see cref="Features.Account.SingleSignOnEndpoints"/> matches it to an account.
/// </summary>
internal static class SingleSignOnSetup
{
    public const string Scheme = "oidc";

    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, SingleSignOnSettings settings)
    {
        if (!settings.Enabled)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            if (!string.IsNullOrWhiteSpace(settings.GroupClaim))
            {
                o.Scope.Add(settings.GroupClaim);
                o.ClaimActions.MapJsonKey(settings.GroupClaim, settings.GroupClaim);
            }

            o.ClaimActions.MapJsonKey("email_verified", "email_verified");
            o.CallbackPath = "/signin-oidc";
            o.SignedOutCallbackPath = "/signout-callback-oidc";
            o.SignedOutRedirectUri = "/account/login?info=signed-out";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                // No id_token is kept after sign-in, so the provider learns the client from its id.
                context.ProtocolMessage.ClientId = settings.ClientId;
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/account/login?error=sso-failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
