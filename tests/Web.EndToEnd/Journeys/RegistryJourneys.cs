using System.Globalization;
using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class RegistryJourneys(AppFixture app)
{
    [Fact]
    public async Task The_griffie_registers_a_motion_with_two_indicators_its_cycle_opens_and_staff_fill_both_values()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("griffie@maastricht.demo");
        var shell = new Shell(page);
        await page.GotoAsync("/obligations");
        await shell.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        // Refused first: nothing filled in, the messages name the fields.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("Het nummer is verplicht.")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("Kies ten minste één indicator of informatie-item.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Nummer").FillAsync("M-2026-088");
        await dialog.GetByLabel("Titel").FillAsync("Toegankelijk stadhuis");
        await dialog.GetByLabel("Tekst (dictum of toezegging)").FillAsync("Verzoekt het college de raad voor de zomer te informeren over de toegankelijkheid van het stadhuis.");
        await dialog.GetByLabel("Aangenomen of toegezegd op").FillAsync(Iso(today.AddDays(-7)));
        await Pickers.SuggestAsync(page, dialog.GetByLabel("Vergadering", new() { Exact = true }), "Gemeenteraad");
        await dialog.GetByLabel("Vergaderdatum").FillAsync(Iso(today.AddDays(-7)));
        await Pickers.ChooseAsync(page, dialog.GetByLabel("Verantwoordelijke wethouders"), "Jeroen Hoenderkamp", exact: false);
        await Pickers.ChooseAsync(page, dialog.GetByLabel("Beleidsterrein"), "Wmo");
        await Pickers.ChooseAsync(page, dialog.GetByLabel("Rapportagefrequentie"), "Eenmalig");
        await dialog.GetByLabel("Uiterste datum").FillAsync(Iso(today.AddDays(21)));
        // Three weeks is too soon to count back from: the dialog says when the first report is due, later than the schedule.
        var first = dialog.GetByTestId("first-report");
        await Assertions.Expect(first).ToContainTextAsync("Eerste rapportage: ");
        await Assertions.Expect(first).ToContainTextAsync("Later dan het schema");
        await dialog.GetByLabel("Indienende partijen").FillAsync("PvdA, D66");

        // One indicator from the catalogue, one defined on the spot.
        await dialog.GetByLabel("Indicator uit de catalogus zoeken").FillAsync("WMO-CLIENTEN");
        await page.GetByRole(AriaRole.Option, new() { Name = "WMO-CLIENTEN · Inwoners met Wmo-ondersteuning" }).ClickAsync();
        // The picker clears itself after a pick; wait for the pick to land before opening the next dialog.
        await Assertions.Expect(dialog.GetByTestId("picked-indicators").Locator("tbody tr")).ToHaveCountAsync(1);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Nieuwe indicator" }).ClickAsync();
        var indicator = page.GetByRole(AriaRole.Dialog, new() { Name = "Nieuwe indicator" });
        await indicator.GetByLabel("Code").FillAsync("toeg-liften");
        await indicator.GetByLabel("Naam").FillAsync("Liften buiten gebruik");
        await indicator.GetByLabel("Definitie").FillAsync("Aantal publieksliften in het stadhuis dat op de peildatum buiten gebruik is.");
        await Pickers.ChooseAsync(page, indicator.GetByLabel("Soort"), "Aantal");
        await indicator.GetByLabel("Eenheid").FillAsync("liften");
        await indicator.GetByLabel("Bron").FillAsync("Facilitair beheer");
        await Pickers.ChooseAsync(page, indicator.GetByLabel("Team dat aanlevert"), "Onderzoek en Statistiek");
        await indicator.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("picked-indicators").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(dialog.GetByTestId("picked-indicators")).ToContainTextAsync("TOEG-LIFTEN");
        await Assertions.Expect(dialog.GetByTestId("picked-indicators")).ToContainTextAsync("nieuw, wordt aangemaakt bij opslaan");
        await page.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("11-register-motion");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        // Saved, then on to the new motion's page: under the whole suite's load on two cores this can take longer than the default 5 s.
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Toegankelijk stadhuis", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByText("Liften buiten gebruik")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Inwoners met Wmo-ondersteuning")).ToBeVisibleAsync();
        await shell.ScreenshotAsync("12-registered-motion");
        await app.CloseAsync(page);

        // The daily opening runs; the one-off report opens weeks before its due date, and the staff fill both values.
        await app.OpenDueCyclesAsync();
        var staff = await app.NewPageAsync();
        await new LoginPage(staff).SignInAsync("medewerker@maastricht.demo");
        var staffShell = new Shell(staff);
        await staff.GotoAsync("/tasks");
        await staffShell.WaitForCircuitAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Liften buiten gebruik" }).ClickAsync();
        await staffShell.WaitForCircuitAsync();
        await staff.GetByLabel("Waarde", new() { Exact = true }).FillAsync("2");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("task-status")).ToHaveTextAsync("Ingediend");

        await staff.GotoAsync("/tasks");
        await staffShell.WaitForCircuitAsync();
        await staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "Toegankelijk stadhuis" }).GetByRole(AriaRole.Link, new() { Name = "Inwoners met Wmo-ondersteuning" }).ClickAsync();
        await staffShell.WaitForCircuitAsync();
        await staff.GetByLabel("Waarde", new() { Exact = true }).FillAsync("21.568");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("current-value")).ToContainTextAsync("21.568 inwoners");
        await staffShell.ScreenshotAsync("13-registered-motion-values");
        await app.CloseAsync(staff);

        // The team lead sees both values handed in; a council member follows the motion.
        var lead = await app.NewPageAsync();
        await new LoginPage(lead).SignInAsync("teamleider@maastricht.demo");
        await lead.GotoAsync("/team");
        await new Shell(lead).WaitForCircuitAsync();
        await lead.GetByRole(AriaRole.Radio, new() { Name = "Alle taken van mijn team" }).CheckAsync();
        var handedIn = lead.GetByTestId("team-tasks").Locator("tbody tr").Filter(new() { HasText = "M-2026-088" });
        await Assertions.Expect(handedIn).ToHaveCountAsync(2);
        Assert.All(await handedIn.AllInnerTextsAsync(), row => Assert.Contains("Ingediend", row, StringComparison.Ordinal));
        await app.CloseAsync(lead);

        var member = await app.NewPageAsync();
        await new LoginPage(member).SignInAsync("raadslid@maastricht.demo");
        await member.GotoAsync("/obligations");
        var memberShell = new Shell(member);
        await memberShell.WaitForCircuitAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "Toegankelijk stadhuis" }).ClickAsync();
        await Assertions.Expect(memberShell.Heading).ToHaveTextAsync("Toegankelijk stadhuis");
        await memberShell.WaitForCircuitAsync();
        await member.GetByTestId("follow").ClickAsync();
        await Assertions.Expect(member.GetByTestId("follow")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(member.GetByTestId("follow")).ToContainTextAsync("U volgt dit");
        await memberShell.ScreenshotAsync("17-council-member-follows");
        await app.CloseAsync(member);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
