using System.Net;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Account;

/// <summary>Every page has a policy: anonymous visitors go to the sign-in page, a wrong role to "no access".</summary>
public class PageAuthorizationTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    public static TheoryData<string> Pages() => ["/", "/obligations", "/indicators", "/admin/users", "/admin/planning", "/admin/workflows", "/cycles", "/notifications", "/tasks", "/team", "/cockpit", "/letters", "/approvals", "/admin/templates", "/admin/teams", "/admin/college", "/admin/committees", "/admin/audit", "/account/password", "/admin/settings"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string page)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_sign_in_page_is_open_to_everyone_and_lists_the_demo_accounts_in_demo_mode()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("griffie@maastricht.demo", html);
        Assert.Contains("<html lang=\"nl\"", html);
    }

    [Theory]
    [InlineData(Roles.Griffie, "/obligations", true)]
    [InlineData(Roles.Raadslid, "/obligations", true)]
    [InlineData(Roles.Medewerker, "/indicators", true)]
    [InlineData(Roles.Wethouder, "/", true)]
    [InlineData(Roles.Beheerder, "/admin/users", true)]
    [InlineData(Roles.Beheerder, "/admin/planning", true)]
    [InlineData(Roles.Beheerder, "/admin/workflows", true)]
    [InlineData(Roles.Griffie, "/cycles", true)]
    [InlineData(Roles.Raadslid, "/notifications", true)]
    [InlineData(Roles.Raadslid, "/cycles", false)]
    [InlineData(Roles.Griffie, "/admin/workflows", false)]
    [InlineData(Roles.Griffie, "/admin/users", false)]
    [InlineData(Roles.Griffie, "/admin/college", true)]
    [InlineData(Roles.Griffie, "/admin/committees", true)]
    [InlineData(Roles.Griffie, "/admin/teams", false)]
    [InlineData(Roles.Griffie, "/admin/audit", false)]
    [InlineData(Roles.Raadslid, "/account/password", true)]
    [InlineData(Roles.Wethouder, "/admin/college", false)]
    [InlineData(Roles.Raadslid, "/admin/planning", false)]
    [InlineData(Roles.Teamleider, "/admin/users", false)]
    [InlineData(Roles.Raadslid, "/regio", true)]
    [InlineData(Roles.Wethouder, "/regio", true)]
    [InlineData(Roles.Medewerker, "/regio", false)]
    [InlineData(Roles.Teamleider, "/regio/delen", false)]
    [InlineData(Roles.Raadslid, "/regio/delen", false)]
    [InlineData(Roles.Griffie, "/regio/delen", true)]
    [InlineData(Roles.Medewerker, "/tasks", true)]
    [InlineData(Roles.Teamleider, "/tasks", true)]
    [InlineData(Roles.Griffie, "/tasks", false)]
    [InlineData(Roles.Wethouder, "/tasks", false)]
    [InlineData(Roles.Raadslid, "/tasks", false)]
    [InlineData(Roles.Beheerder, "/tasks", false)]
    [InlineData(Roles.Teamleider, "/team", true)]
    [InlineData(Roles.Griffie, "/cockpit", true)]
    [InlineData(Roles.Raadslid, "/cockpit", false)]
    [InlineData(Roles.Beheerder, "/cockpit", false)]
    [InlineData(Roles.Medewerker, "/team", false)]
    [InlineData(Roles.Griffie, "/team", false)]
    [InlineData(Roles.Raadslid, "/letters", true)]
    [InlineData(Roles.Medewerker, "/letters", true)]
    [InlineData(Roles.Wethouder, "/approvals", true)]
    [InlineData(Roles.Griffie, "/approvals", false)]
    [InlineData(Roles.Medewerker, "/approvals", false)]
    [InlineData(Roles.Griffie, "/admin/templates", true)]
    [InlineData(Roles.Beheerder, "/admin/templates", true)]
    [InlineData(Roles.Wethouder, "/admin/templates", false)]
    [InlineData(Roles.Raadslid, "/admin/templates", false)]
    public async Task A_role_opens_the_pages_of_its_policy_and_no_others(string role, string page, bool allowed)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        using var response = await client.GetAsync(page);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SignInAsync(Emails.For(Roles.Griffie), "verkeerd-wachtwoord"));
        var html = await client.GetStringAsync("/account/login?error=invalid");
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", html);
    }

    [Fact]
    public async Task The_obligations_page_prerenders_the_demo_data_in_Dutch()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        var html = await client.GetStringAsync("/");
        Assert.Contains("Lotte Vossen", html);
        Assert.Contains("Moties en toezeggingen", html);
    }

    [Fact]
    public async Task English_is_available_through_the_culture_switch()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        using var switched = await client.GetAsync("/culture?culture=en-GB&returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var html = await client.GetStringAsync("/");
        Assert.Contains("Motions and commitments", html);
        Assert.Contains("<html lang=\"en\"", html);
    }
}
