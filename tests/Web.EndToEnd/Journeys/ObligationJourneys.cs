using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class ObligationJourneys(AppFixture app)
{
    [Fact]
    public async Task A_council_member_finds_the_poverty_motion_and_reads_its_figures()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("raadslid@maastricht.demo");
        await page.GotoAsync("/obligations");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        var rows = page.Locator("tbody tr");
        // The six demo obligations, and whatever other journeys registered meanwhile.
        await Assertions.Expect(rows.Filter(new() { HasText = "Halveren aantal kinderen in armoede 2030" })).ToHaveCountAsync(1);
        Assert.True(await rows.CountAsync() >= 6);
        await shell.ScreenshotAsync("02-obligations");

        await page.GetByLabel("Zoek in nummer, titel en tekst").FillAsync("armoede");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Halveren aantal kinderen in armoede 2030" }).ClickAsync();

        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Halveren aantal kinderen in armoede 2030");
        var indicators = page.GetByRole(AriaRole.Table).First;
        await Assertions.Expect(indicators).ToContainTextAsync("Kinderen in armoede");
        await Assertions.Expect(indicators).ToContainTextAsync("9,2 % (13 juli 2021)");
        await Assertions.Expect(indicators).ToContainTextAsync("4,6 % (2030)");
        await Assertions.Expect(indicators).ToContainTextAsync("niet beschikbaar: Op dit moment zijn er nog geen cijfers beschikbaar");
        await shell.ScreenshotAsync("03-obligation");

        // Back: the list is as it was left, its search kept in the address.
        await page.GoBackAsync();
        await shell.WaitForCircuitAsync();
        Assert.Contains("q=armoede", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Zoek in nummer, titel en tekst")).ToHaveValueAsync("armoede");
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        // As people type: without accents and in capitals ("op één plek" in the commitment's text).
        await page.GetByLabel("Zoek in nummer, titel en tekst").FillAsync("OP EEN PLEK");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Informeren over de Beschikbaarheidswijzer jeugdhulp");
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task The_griffie_records_an_extension_and_the_responsible_alderman_is_told()
    {
        var griffie = await app.NewPageAsync();
        await new LoginPage(griffie).SignInAsync("griffie@maastricht.demo");
        await griffie.GotoAsync("/obligations?q=M-2021-047");
        var shell = new Shell(griffie);
        await shell.WaitForCircuitAsync();
        await griffie.GetByRole(AriaRole.Link, new() { Name = "Halveren aantal kinderen in armoede 2030" }).ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Halveren aantal kinderen in armoede 2030");

        await griffie.GetByTestId("extend").ClickAsync();
        var dialog = griffie.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("extend-current")).ToHaveTextAsync("De termijn is nu 31 december 2030.");
        await dialog.GetByTestId("extend-save").ClickAsync();
        // Nothing typed: each field says what it needs, and nothing is stored.
        await Assertions.Expect(dialog.GetByText("De nieuwe datum is verplicht.")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("De reden is verplicht.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Nieuwe datum").FillAsync("2031-12-31");
        await dialog.GetByLabel("Reden").FillAsync("De raad wil de trend een jaar langer volgen.");
        await griffie.AssertWcag21AAAsync();
        await dialog.GetByTestId("extend-save").ClickAsync();
        await Assertions.Expect(griffie.GetByText("Uitstel vastgelegd")).ToBeVisibleAsync();
        await Assertions.Expect(griffie.GetByText("Termijn verlengd")).ToBeVisibleAsync();
        await Assertions.Expect(griffie.GetByText("31 december 2030 → 31 december 2031")).ToBeVisibleAsync();
        await app.CloseAsync(griffie);

        // The responsible alderman hears of it: the bell counts it and the notice says what moved and why.
        var alderman = await app.NewPageAsync();
        await new LoginPage(alderman).SignInAsync("wethouder.hoenderkamp@maastricht.demo");
        var aldermanShell = new Shell(alderman);
        await aldermanShell.WaitForCircuitAsync();
        var notice = await aldermanShell.UnreadNotificationAsync("Uitstel: M-2021-047");
        await Assertions.Expect(notice).ToContainTextAsync("verschoven naar 31 december 2031 (was 31 december 2030)");
        await Assertions.Expect(notice).ToContainTextAsync("De raad wil de trend een jaar langer volgen.");
        await app.CloseAsync(alderman);
    }

    [Fact]
    public async Task The_griffie_follows_a_status_link_from_the_home_page()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("griffie@maastricht.demo");
        await new Shell(page).WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "In uitvoering" }).ClickAsync();
        await page.WaitForURLAsync("**/obligations?status=InProgress");
        await new Shell(page).WaitForCircuitAsync();
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "Vinger aan de pols" })).ToHaveCountAsync(1);
        Assert.True(await rows.CountAsync() >= 6);
        Assert.All(await rows.AllInnerTextsAsync(), row => Assert.Contains("In uitvoering", row, StringComparison.Ordinal));
        var oneOff = rows.Filter(new() { HasText = "Informeren over de Beschikbaarheidswijzer jeugdhulp" });
        await Assertions.Expect(oneOff).ToContainTextAsync("15 december 2026");
        await app.CloseAsync(page);
    }
}
