using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class AdministrationJourneys(AppFixture app)
{
    [Fact]
    public async Task The_administrator_creates_an_api_key_for_the_data_warehouse_and_sees_it_once()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("beheerder@maastricht.demo");
        await page.GotoAsync("/admin/users");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Acties voor Sanne Peeters" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Nieuwe API-sleutel" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Naam van de sleutel").FillAsync("Datawarehouse");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sleutel maken" }).ClickAsync();
        var secret = dialog.GetByLabel("API-sleutel (X-Api-Key)");
        await Assertions.Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^gov_[0-9a-f]{48}$"));
        await shell.ScreenshotAsync("04-api-key");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sluiten" }).ClickAsync();

        var row = page.Locator("tbody tr", new() { HasText = "Sanne Peeters" });
        await Assertions.Expect(row).ToContainTextAsync("Datawarehouse");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Sleutel Datawarehouse intrekken" })).ToBeVisibleAsync();
        await app.CloseAsync(page);
    }
}
