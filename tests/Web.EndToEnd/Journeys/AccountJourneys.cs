using System.Text.RegularExpressions;
using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Governance.Web.Features.Accounts;
using Governance.Web.Hosting;
using Governance.Workflows.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>The Beheerder brings a new colleague in; the colleague accepts from the e-mail and is at work.</summary>
[Collection(AppCollection.Name)]
public partial class AccountJourneys(AppFixture app)
{
    [Fact]
    public async Task The_administrator_invites_a_colleague_who_sets_a_password_from_the_email_and_starts()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("beheerder@maastricht.demo");
        await page.GotoAsync("/admin/users");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Iemand uitnodigen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Vul het e-mailadres in");
        await Assertions.Expect(dialog).ToContainTextAsync("Kies ten minste één rol.");
        await dialog.GetByLabel("E-mailadres").FillAsync("kim.vermeulen@maastricht.test");
        await dialog.GetByLabel("Naam", new() { Exact = true }).FillAsync("Kim Vermeulen");
        await dialog.GetByLabel("Medewerker", new() { Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Kies het team van deze medewerker of teamleider.");
        await Pickers.ChooseAsync(page, dialog.GetByLabel("Team", new() { Exact = true }), "Onderzoek en Statistiek");
        await shell.ScreenshotAsync("06-invite");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await page.GetByLabel("Zoek op naam of e-mailadres").FillAsync("Vermeulen");
        var row = page.Locator("tbody tr", new() { HasText = "Kim Vermeulen" });
        await Assertions.Expect(row).ToContainTextAsync("Uitgenodigd");
        await Assertions.Expect(row).ToContainTextAsync("Onderzoek en Statistiek");
        await app.CloseAsync(page);

        var colleague = await app.NewPageAsync();
        await colleague.GotoAsync(await InvitationLinkAsync("kim.vermeulen@maastricht.test"));
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Welkom bij Governance" })).ToBeVisibleAsync();
        await colleague.AssertWcag21AAAsync();
        await colleague.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("lente in het heuvelland");
        await colleague.GetByLabel("Herhaal het nieuwe wachtwoord").FillAsync("lente in het heuvelland");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen en aanmelden" }).ClickAsync();
        await colleague.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await new Shell(colleague).WaitForCircuitAsync();
        await Assertions.Expect(colleague.GetByTestId("signed-in-as")).ToContainTextAsync("Kim Vermeulen");
        await Assertions.Expect(colleague.GetByTestId("nav-tasks")).ToBeVisibleAsync();
        await app.CloseAsync(colleague);
    }

    [Theory]
    [InlineData("/account/password")]
    [InlineData("/account/two-factor/setup")]
    public async Task An_account_page_has_no_violations(string path)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("beheerder@maastricht.demo");
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await page.AssertWcag21AAAsync();
        await new Shell(page).ScreenshotAsync("06-account" + path.Replace('/', '-'));
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task The_forgotten_password_page_has_no_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Wachtwoord vergeten" }).WaitForAsync();
        await page.AssertWcag21AAAsync();
        await app.CloseAsync(page);
    }

    /// <summary>The link in the invitation e-mail, as the colleague receives it (the job is run as the job server would).</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Domain.Accounts.ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("not invited");
        var mailer = (Mailer)app.Services.GetRequiredService<IMailer>();
        var folder = mailer.PickupFolder(app.Services.GetRequiredService<IOptions<GovernanceSettings>>().Value.Mail);
        await ActivatorUtilities.CreateInstance<AccountMailJob>(scope.ServiceProvider).SendAsync(user.Id, AccountMail.Invitation, CancellationToken.None);
        var eml = await File.ReadAllTextAsync(Directory.GetFiles(folder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Last());
        return new Uri(Link().Match(eml).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/invitation\S+")]
    private static partial Regex Link();
}
