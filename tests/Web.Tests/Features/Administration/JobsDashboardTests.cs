using System.Net;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Administration;

/// <summary>The Hangfire dashboard is for the Beheerder only.</summary>
public class JobsDashboardTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task The_administrator_sees_the_dashboard_with_the_recurring_jobs()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var response = await client.GetAsync("/admin/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reporting-cycles.open", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Emails.AllRolesBut), Roles.Beheerder, MemberType = typeof(Emails))]
    public async Task Every_other_role_gets_403(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        using var response = await client.GetAsync("/admin/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_signing_in_it_is_401()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/admin/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
