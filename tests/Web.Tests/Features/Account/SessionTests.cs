using System.Net;
using System.Text.RegularExpressions;
using Governance.Domain.Accounts;
using Governance.Web.Hosting.Seeding;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Account;

/// <summary>
/// Signing out ends the session on the server: the cookie, also a copy someone kept, is refused afterwards.
/// Signing out needs the form's antiforgery token; cookies are Secure when the app is reached over https.
/// Cookies are handled by hand here, as a thief with a copy of one would.
/// </summary>
public sealed partial class SessionTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task After_signing_out_a_kept_copy_of_the_cookie_is_refused()
    {
        using var client = Client("http://localhost");
        var session = await SignInAsync(client, Emails.For(Roles.Griffie));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/obligations", session)).StatusCode);

        var (token, antiforgeryCookie) = await FormTokenAsync(client, session);
        using var signOut = await PostAsync(client, "/account/logout", $"{session}; {antiforgeryCookie}", new() { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, "/api/obligations", session)).StatusCode);
        var page = await GetAsync(client, "/cockpit", session);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Signing_out_without_the_forms_token_is_refused_and_the_session_goes_on()
    {
        using var client = Client("http://localhost");
        var session = await SignInAsync(client, Emails.For(Roles.Medewerker));

        using var signOut = await PostAsync(client, "/account/logout", session, []);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/tasks", session)).StatusCode);
    }

    [Fact]
    public async Task Another_persons_sign_out_ends_only_their_own_session()
    {
        using var client = Client("http://localhost");
        var first = await SignInAsync(client, Emails.For(Roles.Teamleider));
        var second = await SignInAsync(client, Emails.For(Roles.Teamleider));

        var (token, antiforgeryCookie) = await FormTokenAsync(client, first);
        using var signOut = await PostAsync(client, "/account/logout", $"{first}; {antiforgeryCookie}", new() { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, "/api/tasks", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/tasks", second)).StatusCode);
    }

    [Fact]
    public async Task A_session_older_than_its_lifetime_is_refused_however_active_its_person()
    {
        using var client = Client("http://localhost");
        var session = await SignInAsync(client, Emails.For(Roles.Raadslid));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/obligations", session)).StatusCode);
        await using (var db = app.Database())
        {
            var user = await db.Users.SingleAsync(u => u.Email == Emails.For(Roles.Raadslid));
            var started = DateTime.UtcNow - Governance.Domain.Accounts.SignInSession.Lifetime - TimeSpan.FromMinutes(1);
            await db.SignInSessions.Where(s => s.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartedAtUtc, started));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, "/api/obligations", session)).StatusCode);
    }

    [Fact]
    public async Task Over_https_every_cookie_the_app_sets_is_secure()
    {
        using var client = Client("https://governance.maastricht.example");

        using var form = await client.GetAsync("/account/login");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"));
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups["token"].Value;
        using var signIn = await PostAsync(client, "/account/login", antiforgery.Split(';')[0], new()
        {
            ["email"] = Emails.For(Roles.Griffie), ["password"] = DemoUsers.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        });

        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("governance=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient Client(string baseAddress) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>Signs in and returns the session cookie as a Cookie header value.</summary>
    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        using var form = await client.GetAsync("/account/login");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups["token"].Value;
        using var response = await PostAsync(client, "/account/login", antiforgery, new()
        {
            ["email"] = email, ["password"] = DemoUsers.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("governance=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>The sign-out form's token on a page, as the signed-in person gets it.</summary>
    private static async Task<(string Token, string Cookie)> FormTokenAsync(HttpClient client, string session)
    {
        using var page = await GetAsync(client, "/", session);
        var token = Token().Match(await page.Content.ReadAsStringAsync()).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "no sign-out form on the page");
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (token, cookie);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string cookies, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
