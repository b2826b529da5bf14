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
}
