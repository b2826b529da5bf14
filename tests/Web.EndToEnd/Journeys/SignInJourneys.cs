using Governance.Domain.Accounts;
using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Governance.Web.Hosting.Seeding;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class SignInJourneys(AppFixture app)
{
    public static TheoryData<string> DemoAccounts() => [.. DemoUsers.All.Where(u => u.Municipality == "Maastricht").Select(u => u.Email)];

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Each_demo_account_signs_in_and_sees_the_navigation_of_its_role(string email)
    {
        var user = DemoUsers.All.Single(u => u.Email == email);
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync(email);
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        Assert.Equal($"Welkom, {user.DisplayName}", (await shell.Heading.InnerTextAsync()).Trim());

        var items = await shell.NavigationItemsAsync();
        Assert.Contains("Start", items);
        Assert.Contains("Moties en toezeggingen", items);
        Assert.Contains("Indicatoren", items);
        Assert.Equal(user.Role == Roles.Beheerder, items.Contains("Gebruikers"));
        Assert.Equal(user.Role is Roles.Beheerder or Roles.Griffie, items.Contains("P&C-kalender"));
        Assert.Equal(user.Role is Roles.Medewerker or Roles.Teamleider, items.Any(i => i.StartsWith("Mijn taken", StringComparison.Ordinal)));
        Assert.Equal(user.Role is Roles.Raadslid or Roles.Griffie or Roles.Wethouder or Roles.Beheerder, items.Contains("Regionale monitor"));
        Assert.Equal(user.Role is Roles.Griffie or Roles.Beheerder, items.Contains("Regionaal delen"));
        await shell.ScreenshotAsync($"01-home-{user.Role.ToLowerInvariant()}");
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task A_wrong_password_keeps_you_on_the_sign_in_page_with_a_message()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mailadres").FillAsync("griffie@maastricht.demo");
        await page.GetByLabel("Wachtwoord").FillAsync("niet-het-wachtwoord");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Alert).WaitForAsync();
        Assert.Contains("klopt niet", await page.GetByRole(Microsoft.Playwright.AriaRole.Alert).InnerTextAsync());
        await app.CloseAsync(page);
    }
}
