using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>
/// A resident reads Maastricht's register of motions and commitments with JavaScript switched off: searches, filters,
/// pages to an item and back; nothing asks to sign in. The pages scanned with axe (in a browser with script, which axe needs).
/// </summary>
[Collection(AppCollection.Name)]
public class PublicRegisterJourneys(AppFixture app)
{
    [Fact]
    public async Task A_resident_searches_the_register_and_reads_an_item_without_javascript()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "nl-NL", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/openbaar/maastricht");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Moties en toezeggingen");
        await Assertions.Expect(page).ToHaveTitleAsync("Moties en toezeggingen · Gemeente Maastricht");

        await page.GetByLabel("Zoeken", new() { Exact = true }).FillAsync("jeugdhulp");
        await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "Motie" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=jeugdhulp"));
        await Assertions.Expect(page.GetByTestId("public-count")).ToHaveTextAsync("1 motie of toezegging gevonden");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.Screenshots, "60-public-register.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Wachtlijsten Jeugdhulp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wachtlijsten Jeugdhulp");
        await Assertions.Expect(page.GetByTestId("public-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("public-history")).ToContainTextAsync("Geregistreerd");
        await Assertions.Expect(page.GetByText("Demo-inrichting")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.Screenshots, "61-public-item.png"), FullPage = true });

        // Following it by e-mail works without script too: the address, then the promise of a link to confirm.
        await page.GetByRole(AriaRole.Link, new() { Name = "Deze motie of toezegging volgen per e-mail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Volgen per e-mail");
        await page.GetByLabel("Uw e-mailadres").FillAsync("lezer@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-asked")).ToContainTextAsync("Als dit adres klopt");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.Screenshots, "62-public-follow.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het register" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Gemeente Maastricht · Moties en toezeggingen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/openbaar/maastricht$"));
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/openbaar/maastricht")]
    [InlineData("/openbaar/maastricht?soort=Commitment&te-laat=ja")]
    [InlineData("/openbaar/maastricht/M-2019-026")]
    [InlineData("/openbaar/maastricht?op=2025-06-30")]
    [InlineData("/openbaar/maastricht/M-2019-026?op=2025-06-30")]
    [InlineData("/openbaar/atlantis")]
    [InlineData("/openbaar/vaals/regio")]
    [InlineData("/openbaar/maastricht/volgen?nummer=M-2019-026")]
    [InlineData("/openbaar/maastricht/volgen/bevestigen?id=00000000000000000000000000000001&code=x")]
    [InlineData("/openbaar/maastricht/volgen/stoppen?id=00000000000000000000000000000001&code=x")]
    public async Task A_public_page_has_no_violations(string path)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.AssertWcag21AAAsync();
        await context.CloseAsync();
    }
}
