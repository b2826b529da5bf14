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

/// <summary>The Beheerder invites a person; the e-mail's one-time link sets their password and signs them in.</summary>
public sealed class InvitationTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task An_invited_person_sets_a_password_through_the_link_and_is_signed_in_and_the_link_then_stops_working()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var id = await InviteAsync(admin, "noor.dekker@maastricht.test", "Noor Dekker", [Roles.Griffie, Roles.Raadslid]);
        var link = await MailedLinkAsync(app, id, AccountMail.Invitation);
        Assert.StartsWith("/account/invitation?user=", link);

        using var browser = app.Browser();
        Assert.Contains("Noor Dekker", await browser.GetStringAsync(link));
        await AcceptAsync(browser, link);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/obligations")).StatusCode);
        using var again = app.Browser();
        Assert.Contains("verlopen of al gebruikt", await again.GetStringAsync(link));
        Assert.Equal("/", await SignInAtAsync(again, "noor.dekker@maastricht.test", Password));

        await using var db = app.Database();
        var account = await db.Users.SingleAsync(u => u.Id == id);
        Assert.True(account.EmailConfirmed);
        Assert.NotNull(account.LastSignInAtUtc);
        var actions = await db.AuditLog.Where(a => a.Subject.Contains("noor.dekker@maastricht.test")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.AccountInvited, AuditAction.InvitationAccepted, AuditAction.SignedIn, AuditAction.SignedIn], actions);
    }

    [Fact]
    public async Task Before_accepting_an_invited_person_cannot_sign_in_and_a_new_invitation_replaces_the_old_link()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var id = await InviteAsync(admin, "bram.smeets@maastricht.test", "Bram Smeets", [Roles.Raadslid]);
        var first = await MailedLinkAsync(app, id, AccountMail.Invitation);

        using var resend = await admin.PostAsync($"/api/admin/users/{id}/link", null);
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal("Invitation", (await resend.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("kind").GetString());
        var second = await MailedLinkAsync(app, id, AccountMail.Invitation);

        using var browser = app.Browser();
        Assert.Contains("verlopen of al gebruikt", await browser.GetStringAsync(first));
        await AcceptAsync(browser, second);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/obligations")).StatusCode);
    }

    [Fact]
    public async Task A_password_that_is_too_short_or_typed_differently_is_refused_in_Dutch_and_the_invitation_stays_open()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var id = await InviteAsync(admin, "iris.wolfs@maastricht.test", "Iris Wolfs", [Roles.Raadslid]);
        var link = await MailedLinkAsync(app, id, AccountMail.Invitation);
        using var browser = app.Browser();

        using var short_ = await SubmitAsync(browser, link, "invitation", new() { ["Input.Password"] = "kort", ["Input.Repeat"] = "kort" });
        Assert.Contains("ten minste 12 tekens", await short_.Content.ReadAsStringAsync());
        using var different = await SubmitAsync(browser, link, "invitation", new() { ["Input.Password"] = Password, ["Input.Repeat"] = Password + "!" });
        Assert.Contains("niet gelijk", await different.Content.ReadAsStringAsync());

        await using var db = app.Database();
        var account = await db.Users.SingleAsync(u => u.Id == id);
        Assert.Null(account.PasswordHash);
        Assert.True(account.IsInvitationPending);
    }

    [Fact]
    public async Task An_invitation_with_bad_fields_names_each_field_and_stores_nothing()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        Guid vaalsTeam;
        await using (var db = app.Database())
        {
            var vaals = await db.Municipalities.SingleAsync(m => m.Name == "Vaals");
            var team = new Domain.Organisation.Team(vaals.Id, "Vaalser team");
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            vaalsTeam = team.Id.Value;
        }

        using var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            email = Emails.For(Roles.Griffie),
            displayName = "Dubbel",
            roles = new[] { Roles.Medewerker, Roles.Wethouder },
            teamId = vaalsTeam,
        }, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.Contains("al een account", errors.GetProperty("email")[0].GetString());
        Assert.Contains("bestaat niet", errors.GetProperty("teamId")[0].GetString());
        Assert.Contains("wethouder", errors.GetProperty("aldermanId")[0].GetString());
        await using var read = app.Database();
        Assert.Equal(0, await read.Users.CountAsync(u => u.DisplayName == "Dubbel"));
    }

    [Fact]
    public async Task Only_the_administrator_invites()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var response = await griffie.PostAsJsonAsync("/api/admin/users", new { email = "x@maastricht.test", displayName = "X", roles = new[] { Roles.Raadslid } }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
