using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Accounts;
using Governance.Web.Features.PublicRegister;
using Governance.Web.Hosting;
using Governance.Web.Tests.Support;
using Governance.Workflows.Notifications;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Web.Tests.Features.PublicRegister;

/// <summary>
/// A resident follows an item of the public register by e-mail: the address, a link to confirm it (a button, so a mail
/// program's link check confirms nothing), the e-mails of changes with a one-click way out (RFC 8058), and the address
/// gone on leaving. Only confirmed addresses hear anything.
/// </summary>
public sealed partial class PublicFollowingTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_resident_follows_an_item_confirms_it_hears_of_a_change_and_leaves_with_one_click()
    {
        const string page = "/openbaar/maastricht/volgen?nummer=M-2021-047";
        using var browser = Browser();
        Assert.Contains("href=\"/openbaar/maastricht/volgen?nummer=M-2021-047\"", await browser.GetStringAsync("/openbaar/maastricht/M-2021-047"));

        // An address that is none is named; nothing is stored.
        using var wrong = await AccountFlows.SubmitAsync(browser, page, "follow", new() { ["Input.Email"] = "inwoner at example" });
        Assert.Contains("Vul een geldig e-mailadres in", await wrong.Content.ReadAsStringAsync());
        await using (var db = app.Database())
        {
            Assert.False(await db.PublicSubscriptions.AnyAsync(s => s.Email.StartsWith("inwoner")));
        }

        using var asked = await AccountFlows.SubmitAsync(browser, page, "follow", new() { ["Input.Email"] = " Inwoner@Example.org " });
        Assert.Contains("Als dit adres klopt, ontvangt u zo een e-mail", await asked.Content.ReadAsStringAsync());
        var subscription = await SubscriptionAsync("inwoner@example.org");
        Assert.Null(subscription.ConfirmedAtUtc);

        // Unconfirmed, a change is not mailed.
        var itemId = subscription.ObligationId!.Value.Value;
        Assert.Empty(await MailsAsync(mail => mail.SendUpdateAsync(itemId, "Test", "Een wijziging.", CancellationToken.None)));

        var confirmation = Assert.Single(await MailsAsync(mail => mail.SendConfirmationAsync(subscription.Id.Value, CancellationToken.None)));
        Assert.Contains("Subject: Bevestig dat u M-2021-047 Halveren aantal kinderen in armoede 2030 wilt volgen", confirmation);
        Assert.DoesNotContain("List-Unsubscribe", confirmation);
        var confirm = new Uri(ConfirmLink().Match(confirmation).Value).PathAndQuery;

        // Opening the link confirms nothing yet (a mail program may open it to check it); the button does.
        var opened = await browser.GetStringAsync(confirm);
        Assert.Contains("<title>Volgen bevestigen · Gemeente Maastricht</title>", opened);
        Assert.Contains("Bevestigen", opened);
        Assert.Null((await SubscriptionAsync("inwoner@example.org")).ConfirmedAtUtc);
        using var tampered = await AccountFlows.SubmitAsync(browser, confirm.Replace("code=", "code=x", StringComparison.Ordinal), "confirm", []);
        Assert.Contains("Deze link werkt niet", await tampered.Content.ReadAsStringAsync());
        using var confirmed = await AccountFlows.SubmitAsync(browser, confirm, "confirm", []);
        Assert.Contains("U volgt nu M-2021-047", await confirmed.Content.ReadAsStringAsync());
        Assert.NotNull((await SubscriptionAsync("inwoner@example.org")).ConfirmedAtUtc);

        // The griffie lets the item lapse: the change is queued for its followers, and the e-mail says how to leave.
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{itemId}", Json)).GetProperty("version").GetInt32();
        using var lapsed = await griffie.PostAsJsonAsync($"/api/obligations/{itemId}/steps", new { step = "Lapse", reason = "Ingetrokken door de indieners.", version }, Json);
        Assert.Equal(HttpStatusCode.OK, lapsed.StatusCode);
        var queued = Assert.Single(app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1_000),
            j => j.Value.Job.Method.Name == nameof(PublicFollowingMail.SendUpdateAsync) && (Guid)j.Value.Job.Args[0] == itemId);
        var update = Assert.Single(await MailsAsync(mail => mail.SendUpdateAsync(itemId, (string)queued.Value.Job.Args[1], (string)queued.Value.Job.Args[2], CancellationToken.None)));
        Assert.Contains("De status van 'Halveren aantal kinderen in armoede 2030' (M-2021-047) is gewijzigd", update);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", update);
        var leave = new Uri(UnsubscribeHeader().Match(update).Groups["url"].Value).PathAndQuery;
        Assert.StartsWith("/openbaar/maastricht/volgen/afmelden?id=", leave);

        // Opened in a browser, the address asks first; the mail program's one click (a POST without cookie or form token) leaves.
        using var human = await browser.GetAsync(leave);
        Assert.Equal(HttpStatusCode.Redirect, human.StatusCode);
        Assert.Contains("Wilt u M-2021-047 Halveren aantal kinderen in armoede 2030 niet meer volgen?", await browser.GetStringAsync(human.Headers.Location!.OriginalString));
        using var mailProgram = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var oneClick = await mailProgram.PostAsync(leave, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        await using (var db = app.Database())
        {
            Assert.False(await db.PublicSubscriptions.AnyAsync(s => s.Email == "inwoner@example.org"));
        }

        using var forged = await mailProgram.PostAsync(leave.Replace("code=", "code=x", StringComparison.Ordinal), new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task A_committee_is_followed_from_the_filtered_register_and_an_unknown_topic_is_not_found()
    {
        using var browser = Browser();
        var register = await browser.GetStringAsync("/openbaar/maastricht?commissie=Gemeenteraad");
        Assert.Contains("href=\"/openbaar/maastricht/volgen?commissie=Gemeenteraad\"", register);
        using var asked = await AccountFlows.SubmitAsync(browser, "/openbaar/maastricht/volgen?commissie=Gemeenteraad", "follow", new() { ["Input.Email"] = "raadsvolger@example.org" });
        Assert.Contains("Als dit adres klopt", await asked.Content.ReadAsStringAsync());
        var subscription = await SubscriptionAsync("raadsvolger@example.org");
        Assert.Equal("Gemeenteraad", subscription.Committee);
        Assert.Null(subscription.ObligationId);

        // Asked again, and again: one subscription, and at most five unconfirmed requests a day for one address.
        for (var i = 0; i < 2; i++)
        {
            using var again = await AccountFlows.SubmitAsync(browser, "/openbaar/maastricht/volgen?commissie=Gemeenteraad", "follow", new() { ["Input.Email"] = "RAADSVOLGER@example.org" });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await using (var db = app.Database())
        {
            Assert.Equal(1, await db.PublicSubscriptions.CountAsync(s => s.Email == "raadsvolger@example.org"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/openbaar/maastricht/volgen?commissie=Nergens")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/openbaar/maastricht/volgen?nummer=T-2025-004")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/openbaar/maastricht/volgen")).StatusCode);
    }

    private async Task<Domain.PublicRegister.PublicSubscription> SubscriptionAsync(string email)
    {
        await using var db = app.Database();
        return await db.PublicSubscriptions.AsNoTracking().SingleAsync(s => s.Email == email);
    }

    /// <summary>The e-mails <paramref name="send"/> writes to the pickup folder.</summary>
    private async Task<List<string>> MailsAsync(Func<PublicFollowingMail, Task> send)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var mailer = (Mailer)app.Services.GetRequiredService<IMailer>();
        var folder = mailer.PickupFolder(app.Services.GetRequiredService<IOptions<GovernanceSettings>>().Value.Mail);
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").ToHashSet() : [];
        await send(ActivatorUtilities.CreateInstance<PublicFollowingMail>(scope.ServiceProvider));
        var written = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Where(f => !before.Contains(f)).ToList() : [];
        // Headers unfolded (a long subject is folded over lines).
        return [.. (await Task.WhenAll(written.Select(f => File.ReadAllTextAsync(f)))).Select(text => Regex.Replace(text, @"\r?\n[ \t]+", " "))];
    }

    [GeneratedRegex(@"https?://\S+/openbaar/maastricht/volgen/bevestigen\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"List-Unsubscribe: <(?<url>[^>]+)>")]
    private static partial Regex UnsubscribeHeader();
}
