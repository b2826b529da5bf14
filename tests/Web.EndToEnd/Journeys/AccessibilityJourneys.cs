using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>WCAG 2.1 AA, the legal bar for Dutch government sites: axe finds no violation on any page.</summary>
[Collection(AppCollection.Name)]
public class AccessibilityJourneys(AppFixture app)
{
    [Fact]
    public async Task The_sign_in_page_has_no_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.AssertWcag21AAAsync();
        await app.CloseAsync(page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/obligations")]
    [InlineData("/indicators")]
    [InlineData("/admin/users")]
    [InlineData("/admin/planning")]
    [InlineData("/admin/workflows")]
    [InlineData("/cycles")]
    [InlineData("/notifications")]
    [InlineData("/letters")]
    [InlineData("/admin/templates")]
    [InlineData("/admin/teams")]
    [InlineData("/admin/college")]
    [InlineData("/admin/committees")]
    [InlineData("/admin/policy-areas")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/settings")]
    [InlineData("/regio")]
    [InlineData("/regio/delen")]
    public async Task A_page_has_no_violations(string path)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("beheerder@maastricht.demo");
        await page.GotoAsync(path);
        await new Shell(page).WaitForCircuitAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await page.AssertWcag21AAAsync();
        await new Shell(page).ScreenshotAsync("05-admin" + path.Replace('/', '-'));
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task The_obligation_page_has_no_violations()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("raadslid@maastricht.demo");
        await page.GotoAsync("/obligations");
        await new Shell(page).WaitForCircuitAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Doorlooptijden Wmo" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Doorlooptijden Wmo" }).WaitForAsync();
        await page.AssertWcag21AAAsync();
        await app.CloseAsync(page);
    }

    /// <summary>
    /// Phone layouts (WCAG 1.4.10, reflow): at 390 pixels wide no page is wider than the screen; wide tables and
    /// diagrams scroll inside their own box or become one block per row, and the bar keeps its sign-out.
    /// </summary>
    [Theory]
    [InlineData("griffie@maastricht.demo", "/cockpit")]
    [InlineData("griffie@maastricht.demo", "/obligations")]
    [InlineData("teamleider@maastricht.demo", "/team")]
    [InlineData("teamleider@maastricht.demo", "/tasks")]
    [InlineData("beheerder@maastricht.demo", "/admin/workflows")]
    [InlineData("beheerder@maastricht.demo", "/admin/users")]
    public async Task On_a_phone_no_page_is_wider_than_the_screen(string email, string path)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await new LoginPage(page).SignInAsync(email);
        await page.GotoAsync(path);
        await new Shell(page).WaitForCircuitAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, $"{path} is wider than a phone");
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Afmelden" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await new Shell(page).ScreenshotAsync("phone" + path.Replace('/', '-'));
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task On_a_phone_the_sign_in_card_holds_its_demo_accounts()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/account/login");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await app.CloseAsync(page);
    }
}
