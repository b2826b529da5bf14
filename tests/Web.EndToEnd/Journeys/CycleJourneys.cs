using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class CycleJourneys(AppFixture app)
{
    [Fact]
    public async Task Back_from_a_report_finds_the_reports_list_filtered_as_it_was_left()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("griffie@maastricht.demo");
        await page.GotoAsync("/cycles");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        await page.GetByLabel("Periode").FillAsync("2026-H1");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=2026-H1"));
        await Assertions.Expect(rows.Filter(new() { HasNotText = "1e halfjaar 2026" })).ToHaveCountAsync(0);
        var filtered = await rows.CountAsync();
        var first = rows.First.GetByRole(AriaRole.Link);
        var title = await first.TextContentAsync();
        await first.ClickAsync();
        await Assertions.Expect(shell.Heading).ToContainTextAsync(title!.Trim());

        await page.GoBackAsync();
        await shell.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByLabel("Periode")).ToHaveValueAsync("2026-H1");
        await Assertions.Expect(rows).ToHaveCountAsync(filtered);
        await Assertions.Expect(rows.Filter(new() { HasNotText = "1e halfjaar 2026" })).ToHaveCountAsync(0);
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task The_griffie_follows_an_open_report_and_cancels_it_with_a_reason()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("griffie@maastricht.demo");
        await page.GotoAsync("/cycles");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await shell.ScreenshotAsync("06-cycles");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wachtlijsten Jeugdhulp" }).First.ClickAsync();
        await Assertions.Expect(shell.Heading).ToContainTextAsync("Wachtlijsten Jeugdhulp");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Verloop van de rapportage; de huidige stand is Open" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Gepland → Open")).ToBeVisibleAsync();
        await page.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("07-cycle");

        await page.GetByRole(AriaRole.Button, new() { Name = "vervallen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("Een reden of toelichting is verplicht.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Reden of toelichting bij 'vervallen'").FillAsync("De motie is door de raad ingetrokken.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Staat op Vervallen")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("De motie is door de raad ingetrokken.")).ToBeVisibleAsync();
        await app.CloseAsync(page);
    }
}
