using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class NotificationJourneys(AppFixture app)
{
    [Fact]
    public async Task A_team_lead_sees_the_escalations_of_overdue_values_and_reads_them()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("teamleider@maastricht.demo");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        await Assertions.Expect(shell.UnreadBell).ToBeVisibleAsync();
        await shell.UnreadBell.ClickAsync();

        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Meldingen");
        var first = page.Locator(".notifications li.unread").First;
        await Assertions.Expect(first).ToContainTextAsync("Te laat");
        await Assertions.Expect(first).ToContainTextAsync("U ontvangt dit als teamleider.");
        await shell.ScreenshotAsync("08-notifications");

        await page.GetByRole(AriaRole.Button, new() { Name = "Alles gelezen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notifications li.unread")).ToHaveCountAsync(0);
        await app.CloseAsync(page);
    }
}
