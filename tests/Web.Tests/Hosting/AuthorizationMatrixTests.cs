using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Hosting;

/// <summary>
/// Every API endpoint, called by every role: a role outside the endpoint's policy gets 403, a role inside
/// it never does (it may get 400 or 404 for the made-up ids and bodies used here), and nobody signed in
/// gets 401. The expectations come from the policies themselves, so a new endpoint is covered at once.
/// </summary>
public partial class AuthorizationMatrixTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    public static TheoryData<string> AllRoles() => Emails.AllRoles();

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task A_role_is_refused_exactly_the_endpoints_outside_its_policies(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        var failures = new List<string>();
        foreach (var (method, route, roles) in await ApiEndpointsAsync())
        {
            using var response = await client.SendAsync(Request(method, route));
            var allowed = roles is null || roles.Contains(role);
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
            if (allowed == refused)
            {
                failures.Add($"{method} {route}: {(int)response.StatusCode}, expected {(allowed ? "allowed" : "403")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Nobody_signed_in_gets_401_from_every_endpoint()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var endpoints = await ApiEndpointsAsync();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} API endpoints found");
        foreach (var (method, route, _) in endpoints)
        {
            using var response = await client.SendAsync(Request(method, route));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {route}: {(int)response.StatusCode}");
        }
    }

    /// <summary>The API endpoints with the roles their policies allow (null: any signed-in person).</summary>
    private async Task<List<(string Method, string Route, HashSet<string>? Roles)>> ApiEndpointsAsync()
    {
        _ = app.Server;
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var list = new List<(string, string, HashSet<string>?)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText;
            if (route is null || !route.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            // Every policy on the endpoint (group and endpoint) must allow the role.
            HashSet<string>? roles = null;
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(d => d.Policy is not null))
            {
                var policy = await provider.GetPolicyAsync(data.Policy!);
                var allowed = policy!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToHashSet();
                if (allowed.Count > 0)
                {
                    roles = roles is null ? allowed : [.. roles.Intersect(allowed)];
                }
            }

            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                list.Add((method, Fill(route), roles));
            }
        }

        return list;
    }

    private static string Fill(string route) => Parameter().Replace(route, m => m.Groups[2].Value switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" => "1999",
        _ => "nobody",
    });

    private static HttpRequestMessage Request(string method, string route)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    [GeneratedRegex(@"\{(\w+)(?::(\w+))?\}")]
    private static partial Regex Parameter();
}
