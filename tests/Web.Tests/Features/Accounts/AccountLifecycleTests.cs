using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Web.Features.Accounts;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Governance.Web.Tests.Support.AccountFlows;

namespace Governance.Web.Tests.Features.Accounts;

/// <summary>Changing, deactivating and reactivating accounts, and the rule that keeps one Beheerder.</summary>
public sealed class AccountLifecycleTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task Deactivating_ends_the_running_session_refuses_sign_in_and_stops_the_api_key_until_reactivated()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var (id, browser) = await PersonAsync(admin, "lisa.janssen@maastricht.test", Roles.Raadslid);
        using var created = await admin.PostAsJsonAsync($"/api/admin/users/{id}/api-keys", new { name = "Koppeling" }, Json);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("secret").GetString()!;
        using var machine = app.Browser();
        machine.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/obligations")).StatusCode);

        using var deactivated = await admin.PostAsync($"/api/admin/users/{id}/deactivation", null);

        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/obligations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/obligations")).StatusCode);
        using var fresh = app.Browser();
        Assert.StartsWith("/account/login?error=inactive", await SignInAtAsync(fresh, "lisa.janssen@maastricht.test", Password));
        using var wrong = app.Browser();
        Assert.StartsWith("/account/login?error=invalid", await SignInAtAsync(wrong, "lisa.janssen@maastricht.test", "een ander wachtwoord dan dit"));

        using var reactivated = await admin.DeleteAsync($"/api/admin/users/{id}/deactivation");
        Assert.Equal(HttpStatusCode.NoContent, reactivated.StatusCode);
        Assert.Equal("/", await SignInAtAsync(fresh, "lisa.janssen@maastricht.test", Password));
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/obligations")).StatusCode);
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_deactivated_nor_demoted_but_can_once_there_is_another()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var self = await IdOf(Emails.For(Roles.Beheerder));
        var stamp = await StampOf(self);

        using var deactivate = await admin.PostAsync($"/api/admin/users/{self}/deactivation", null);
        using var demote = await admin.PutAsJsonAsync($"/api/admin/users/{self}", new { displayName = "Ruud Willems", roles = new[] { Roles.Griffie }, concurrencyStamp = stamp }, Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);
        Assert.Equal("last_administrator", (await demote.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("code").GetString());
        await using (var db = app.Database())
        {
            Assert.True((await db.Users.SingleAsync(u => u.Id == self)).IsActive);
        }

        var (other, _) = await PersonAsync(admin, "tweede.beheerder@maastricht.test", Roles.Beheerder);
        using var now = await admin.PutAsJsonAsync($"/api/admin/users/{other}", new { displayName = "Tweede Beheerder", roles = new[] { Roles.Raadslid }, concurrencyStamp = await StampOf(other) }, Json);
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
    }

    [Fact]
    public async Task A_change_made_meanwhile_by_someone_else_is_refused_not_overwritten_and_a_real_change_is_audited_old_to_new()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var (id, _) = await PersonAsync(admin, "tom.coenen@maastricht.test", Roles.Raadslid);
        var stamp = await StampOf(id);

        using var first = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "Tom Coenen", roles = new[] { Roles.Raadslid, Roles.Griffie }, concurrencyStamp = stamp }, Json);
        using var second = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "T. Coenen", roles = new[] { Roles.Raadslid }, concurrencyStamp = stamp }, Json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var db = app.Database();
        Assert.Equal("Tom Coenen", (await db.Users.SingleAsync(u => u.Id == id)).DisplayName);
        var change = await db.AuditLog.Where(a => a.Action == AuditAction.AccountChanged && a.Subject.Contains("tom.coenen")).SingleAsync();
        Assert.Equal("Naam: tom.coenen → Tom Coenen\nRollen: Raadslid → Griffie, Raadslid", change.Details);
        Assert.Equal(Emails.DisplayName(Roles.Beheerder), change.Actor);
    }

    [Fact]
    public async Task Another_municipalitys_account_answers_404_to_every_action()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var vaals = await IdOf(Emails.VaalsGriffie);
        var stamp = await StampOf(vaals);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/users/{vaals}/deactivation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/users/{vaals}/deactivation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/users/{vaals}/link", null)).StatusCode);
        using var change = await admin.PutAsJsonAsync($"/api/admin/users/{vaals}", new { displayName = "Overgenomen", roles = new[] { Roles.Raadslid }, concurrencyStamp = stamp }, Json);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
    }

    [Fact]
    public async Task The_list_searches_filters_and_pages_on_the_server_within_the_municipality()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        await InviteAsync(admin, "pending.person@maastricht.test", "Zeker Uitgenodigd", [Roles.Raadslid]);

        var search = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?search=janssen", Json);
        var invited = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?status=Invited", Json);
        var wethouders = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?role=Wethouder&pageSize=2&page=2", Json);
        var griffie = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?search=griffie@", Json);

        Assert.Contains(search.GetProperty("items").EnumerateArray(), u => u.GetProperty("displayName").GetString() == Emails.DisplayName(Roles.Griffie));
        Assert.Contains(invited.GetProperty("items").EnumerateArray(), u => u.GetProperty("displayName").GetString() == "Zeker Uitgenodigd");
        Assert.All(invited.GetProperty("items").EnumerateArray(), u => Assert.Equal("Invited", u.GetProperty("status").GetString()));
        Assert.Equal(3, wethouders.GetProperty("totalCount").GetInt32());
        Assert.Single(wethouders.GetProperty("items").EnumerateArray());
        Assert.Equal([Emails.For(Roles.Griffie)], griffie.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task Passwords_cannot_be_switched_off_without_single_sign_on_so_nobody_is_locked_out()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var off = await admin.PutAsJsonAsync("/api/admin/sign-in-options/password", new { allowed = false }, Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, off.StatusCode);
        var options = await admin.GetFromJsonAsync<JsonElement>("/api/admin/sign-in-options", Json);
        Assert.True(options.GetProperty("passwordSignIn").GetBoolean());
        Assert.False(options.GetProperty("singleSignOn").GetBoolean());
    }

    private async Task<(string Id, HttpClient Browser)> PersonAsync(HttpClient admin, string email, string role)
    {
        var id = await InviteAsync(admin, email, email.Split('@')[0], [role]);
        var browser = app.Browser();
        await AcceptAsync(browser, await MailedLinkAsync(app, id, AccountMail.Invitation));
        return (id, browser);
    }

    private async Task<string> IdOf(string email)
    {
        await using var db = app.Database();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<string> StampOf(string id)
    {
        await using var db = app.Database();
        return await db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp!).SingleAsync();
    }
}
