using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Web.Features.Accounts;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Governance.Web.Tests.Support.AccountFlows;

namespace Governance.Web.Tests.Features.Accounts;

/// <summary>A forgotten password, a changed one, and the authenticator app as the second step.</summary>
public sealed partial class PasswordAndTwoFactorTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private const string NewPassword = "nog een langere zin om te onthouden";

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_which_signs_out_everywhere_and_works_once()
    {
        var (id, email, elsewhere) = await PersonAsync("vera.hendriks@maastricht.test");
        using var anonymous = app.Browser();
        using var asked = await SubmitAsync(anonymous, "/account/forgot", "forgot", new() { ["Input.Email"] = email });
        Assert.Contains("Als dit adres bij ons bekend is", await asked.Content.ReadAsStringAsync());
        var link = await MailedLinkAsync(app, id, AccountMail.PasswordReset);

        using var reset = await SubmitAsync(anonymous, link, "reset", new() { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });

        Assert.EndsWith("/account/login?info=password-set", reset.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/obligations")).StatusCode);
        Assert.StartsWith("/account/login?error=invalid", await SignInAtAsync(app.Browser(), email, Password));
        Assert.Equal("/", await SignInAtAsync(app.Browser(), email, NewPassword));
        Assert.Contains("verlopen of al gebruikt", await anonymous.GetStringAsync(link));
        await using var db = app.Database();
        Assert.Contains(AuditAction.PasswordReset, await db.AuditLog.Where(a => a.Subject.Contains(email)).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Asking_for_a_link_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        using var anonymous = app.Browser();
        using var asked = await SubmitAsync(anonymous, "/account/forgot", "forgot", new() { ["Input.Email"] = "niemand@maastricht.test" });
        Assert.Contains("Als dit adres bij ons bekend is", await asked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_ones_own_password_needs_the_current_one_and_ends_the_other_sessions_but_not_this_one()
    {
        var (_, email, elsewhere) = await PersonAsync("sem.bosch@maastricht.test");
        using var here = app.Browser();
        Assert.Equal("/", await SignInAtAsync(here, email, Password));

        using var wrong = await SubmitAsync(here, "/account/password", "change-password",
            new() { ["Input.Current"] = "niet mijn wachtwoord", ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });
        Assert.Contains("huidige wachtwoord klopt niet", await wrong.Content.ReadAsStringAsync());

        using var changed = await SubmitAsync(here, "/account/password", "change-password",
            new() { ["Input.Current"] = Password, ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });
        Assert.Contains("Uw wachtwoord is gewijzigd", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/obligations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/obligations")).StatusCode);
    }

    [Fact]
    public async Task With_two_step_verification_on_signing_in_asks_for_the_apps_code_and_a_wrong_code_is_refused()
    {
        var (_, email, browser) = await PersonAsync("eva.lemmens@maastricht.test");
        var key = await TurnOnAsync(browser);

        using var fresh = app.Browser();
        Assert.StartsWith("/account/two-factor", await SignInAtAsync(fresh, email, Password));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/obligations")).StatusCode);
        using var wrong = await SubmitAsync(fresh, "/account/two-factor", "two-factor", new() { ["Input.Current"] = "000000" == AuthenticatorCode(key) ? "111111" : "000000" });
        Assert.Contains("Deze code klopt niet", await wrong.Content.ReadAsStringAsync());
        using var right = await SubmitAsync(fresh, "/account/two-factor", "two-factor", new() { ["Input.Current"] = AuthenticatorCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/obligations")).StatusCode);
    }

    [Fact]
    public async Task When_the_role_requires_two_step_verification_the_person_is_led_to_set_it_up_before_anything_else()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var (_, email, _) = await PersonAsync("required.person@maastricht.test", Roles.Teamleider);
        using var set = await admin.PutAsJsonAsync("/api/admin/two-factor-roles", new { roles = new[] { Roles.Teamleider } }, Json);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        try
        {
            using var browser = app.Browser();
            Assert.Equal("/", await SignInAtAsync(browser, email, Password));
            using var page = await browser.GetAsync("/obligations");
            Assert.Equal("/account/two-factor/setup", page.Headers.Location?.OriginalString);
            using var api = await browser.GetAsync("/api/obligations");
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Contains("tweestapsverificatie", await api.Content.ReadAsStringAsync());

            await TurnOnAsync(browser);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/obligations")).StatusCode);
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/admin/two-factor-roles", new { roles = Array.Empty<string>() }, Json)).Dispose();
        }
    }

    /// <summary>Sets two-step verification up as the person does: reads the key off the page, enters the app's code.</summary>
    private static async Task<string> TurnOnAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/account/two-factor/setup");
        var key = Key().Match(page).Groups["key"].Value;
        using var on = await SubmitAsync(browser, "/account/two-factor/setup", "two-factor-on", new() { ["Input.Current"] = AuthenticatorCode(key) });
        var answer = await on.Content.ReadAsStringAsync();
        Assert.Contains("Tweestapsverificatie staat aan", answer);
        Assert.Equal(10, RecoveryCode().Matches(answer).Count);
        return key;
    }

    private async Task<(string Id, string Email, HttpClient Browser)> PersonAsync(string email, string role = Roles.Raadslid)
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        Guid? team = null;
        if (role == Roles.Teamleider)
        {
            await using var db = app.Database();
            team = (await db.Teams.FirstAsync()).Id.Value;
        }

        var id = await InviteAsync(admin, email, email.Split('@')[0], [role], team);
        var browser = app.Browser();
        await AcceptAsync(browser, await MailedLinkAsync(app, id, AccountMail.Invitation));
        return (id, email, browser);
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">(?<key>[a-z0-9 ]+)<")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>")]
    private static partial Regex RecoveryCode();
}
