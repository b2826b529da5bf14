using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>WCAG 2.1 AA, the legal bar for Dutch government sites: axe finds no violation on any page.</summary>
[Collection(AppCollection.Name)]
public class AccessibilityJourneys(AppFixture app)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task The_sign_in_page_has_no_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        AssertNoViolations(await page.RunAxe(Wcag21AA));
        await page.Context.CloseAsync();
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
    public async Task A_page_has_no_violations(string path)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("beheerder@maastricht.demo");
        await page.GotoAsync(path);
        await new Shell(page).WaitForCircuitAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        AssertNoViolations(await page.RunAxe(Wcag21AA));
        await new Shell(page).ScreenshotAsync("05-admin" + path.Replace('/', '-'));
        await page.Context.CloseAsync();
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
        AssertNoViolations(await page.RunAxe(Wcag21AA));
        await page.Context.CloseAsync();
    }

    private static void AssertNoViolations(AxeResult result) =>
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}"))}")));
}
