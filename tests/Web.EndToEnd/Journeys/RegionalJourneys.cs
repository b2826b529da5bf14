using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>
/// A council member of Vaals signs in and finds the region's figures beside Vaals's own in the monitor of "Maastricht en
/// Heuvelland", with the regional figures and what is missing, and reads the regional letter sent to the Vaals council
/// under Vaals's own reference; Maastricht's unshared monitor items are not there. Both pages pass axe, and read on a phone.
/// </summary>
[Collection(AppCollection.Name)]
public class RegionalJourneys(AppFixture app)
{
    [Fact]
    public async Task A_Vaals_council_member_reads_the_regional_monitor_and_the_regional_letter()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("raadslid@vaals.demo");
        await new Shell(page).WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Regionale monitor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regionale monitor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Maastricht en Heuvelland", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regionale monitor: Maastricht en Heuvelland");

        // The share of requests decided in time: each municipality's figure, Vaals's among them, and the weighted regional one.
        var timely = page.GetByTestId("regional-indicator").Filter(new() { HasText = "Aandeel tijdig afgehandeld" });
        await Assertions.Expect(timely.GetByRole(AriaRole.Row, new() { Name = "Vaals" })).ToContainTextAsync("96,3 %");
        await Assertions.Expect(timely.GetByRole(AriaRole.Row, new() { Name = "Maastricht" })).ToContainTextAsync("93,9 %");
        await Assertions.Expect(timely.GetByTestId("regional-total")).ToContainTextAsync("Regio gewogen gemiddelde");
        await Assertions.Expect(timely.GetByTestId("regional-total")).ToContainTextAsync("93,7 %");
        await Assertions.Expect(timely.GetByRole(AriaRole.Row, new() { Name = "Maastricht" })).ToContainTextAsync("Geen waarde voor 2020");
        await Assertions.Expect(timely).ToContainTextAsync("Demo: fictieve cijfers");
        // Maastricht's monitor items it did not share (its budget, its poverty figures) are not there.
        await Assertions.Expect(page.GetByText("Budget sociaal domein")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Kinderen in armoede")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("regional-compose")).ToHaveCountAsync(0);
        await page.AssertWcag21AAAsync();
        await new Shell(page).ScreenshotAsync("70-regional-monitor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Regionale monitor", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Regionale monitor Maastricht en Heuvelland, stand 2021" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regionale monitor Maastricht en Heuvelland, stand 2021");
        await Assertions.Expect(page.GetByTestId("regional-letter-body")).ToContainTextAsync("Aan de gemeenteraden van Maastricht, Eijsden-Margraten");
        await Assertions.Expect(page.GetByTestId("regional-letter-approvers")).ToContainTextAsync("Vaals: Paul Kohnen, goedgekeurd");
        await Assertions.Expect(page.GetByTestId("regional-letter-councils")).ToContainTextAsync("Vaals: verzonden op");
        await Assertions.Expect(page.GetByTestId("regional-letter-councils")).ToContainTextAsync("Meerssen: nog niet verzonden");
        await Assertions.Expect(page.GetByTestId("regional-letter-record")).ToHaveCountAsync(0);
        await page.AssertWcag21AAAsync();
        await new Shell(page).ScreenshotAsync("71-regional-letter");
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task A_griffie_that_has_not_sent_the_regional_letter_finds_it_and_records_the_sending()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("griffie@gulpen-wittem.demo");
        await new Shell(page).WaitForCircuitAsync();
        await page.GotoAsync("/regio");
        await new Shell(page).WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Regionale monitor Maastricht en Heuvelland, stand 2021" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regionale monitor Maastricht en Heuvelland, stand 2021");
        await page.GetByLabel("Documentnummer raadsinformatiesysteem (niet verplicht)").FillAsync("RIS-GW-17");
        await page.GetByTestId("regional-letter-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("regional-letter-councils")).ToContainTextAsync("(RIS-GW-17)");
        await Assertions.Expect(page.GetByTestId("regional-letter-councils").GetByText("Gulpen-Wittem: verzonden op")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("regional-letter-record")).ToHaveCountAsync(0);
        await page.AssertWcag21AAAsync();
        await app.CloseAsync(page);
    }
}
