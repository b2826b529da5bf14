using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Hosting;

/// <summary>Deny by default is backed by a rule: every endpoint names its policy, or says it is open on purpose.</summary>
public class EndpointPolicyTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly string[] OpenOnPurpose = ["/account/login", "/account/forgot", "/account/invitation", "/account/reset", "/account/two-factor", "/account/sso/", "/account/sso/callback", "/culture", "/openapi/{documentName}.json", "/not-found", "/error", "/status/{Code:int}", "/openbaar/{Gemeente}", "/openbaar/{Gemeente}/{Nummer}", "/openbaar/{gemeente}/sitemap.xml", "/openbaar/{gemeente}/moties-en-toezeggingen.csv", "/openbaar/{gemeente}/moties-en-toezeggingen.xlsx", "/openbaar/{gemeente}/kalender.ics", "/openbaar/{gemeente}/wijzigingen.atom", "/openbaar/{gemeente}/{nummer}/brieven/{brief:guid}/{formaat}",
        "/api/open/{gemeente}/informatieobjecten", "/api/open/{gemeente}/informatieobjecten/{id}", "/api/open/{gemeente}/vergaderingen/{id}", "/api/open/{gemeente}/besluiten/{id}",
        "/openbaar/{Gemeente}/regio", "/openbaar/{Gemeente}/volgen", "/openbaar/{Gemeente}/volgen/bevestigen", "/openbaar/{Gemeente}/volgen/stoppen", "/openbaar/{gemeente}/volgen/afmelden"];

    [Fact]
    public void Every_endpoint_has_an_explicit_authorization_policy_or_is_knowingly_open()
    {
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var unmarked = endpoints
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null)
                        && e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !(e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && IsSignInOnly(e))
                        && !IsFrameworkInfrastructure(e))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(unmarked.Count == 0, string.Join(", ", unmarked));

        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(e))
            .Select(e => e.RoutePattern.RawText).Distinct().ToList();
        Assert.All(open, route => Assert.Contains(route, OpenOnPurpose));
    }

    [Fact]
    public async Task The_Blazor_circuit_endpoints_fall_under_the_signed_in_fallback_policy()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Contains(response.StatusCode, new[] { System.Net.HttpStatusCode.Redirect, System.Net.HttpStatusCode.Unauthorized });
    }

    // The framework's own endpoints (circuit hub, redirects, the static-file fallback) carry no metadata
    // of ours; the fallback policy makes them need a signed-in user, as the test above shows.
    private static bool IsFrameworkInfrastructure(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } raw && (raw.StartsWith("/_blazor", StringComparison.Ordinal)
            || raw.StartsWith("/_framework", StringComparison.Ordinal) || raw == "{**path:file}");

    // The sign-out form post needs only a signed-in user, whatever the role.
    private static bool IsSignInOnly(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText == "/account/logout";

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } raw && (raw.Contains('.') && !raw.StartsWith("/openapi", StringComparison.Ordinal) || raw.StartsWith("/_", StringComparison.Ordinal));
}
