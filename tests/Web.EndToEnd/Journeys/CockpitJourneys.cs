using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class CockpitJourneys(AppFixture app)
{
    [Fact]
    public async Task The_griffie_sees_the_cockpit_and_downloads_the_list_for_the_council()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("griffie@maastricht.demo");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        await shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Cockpit" }).ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Cockpit");
        await Assertions.Expect(page.GetByTestId("overdue-steps").Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Openstaande en afgesloten moties en toezeggingen per maand" })).ToBeVisibleAsync();
        await page.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("15-cockpit");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("list-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("PK"u8.ToArray(), head);
        await app.CloseAsync(page);
    }
}
