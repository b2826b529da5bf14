using System.Globalization;
using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>
/// A municipality from nothing to a sent letter, in a new installation outside demo mode: the first administrator sets
/// the municipality up and invites its people, who accept from their e-mail; the griffie defines an indicator and
/// registers a commitment; the cycle opens, the staff member enters the value, the letter is composed, approved by the
/// alderman and sent. A screenshot of every step; every new page scanned for WCAG 2.1 AA violations.
/// </summary>
[Collection(FirstRunCollection.Name)]
public sealed class FirstRunJourneys(FirstRunFixture app)
{
    private const string Password = "heuvelland in de lente";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly System.Text.RegularExpressions.Regex DueOn = new("^Aanleveren uiterlijk (?<date>\\d{1,2} [a-z]+ \\d{4})$");

    [Fact]
    public async Task A_new_municipality_goes_from_its_first_administrator_to_a_sent_letter()
    {
        try
        {
            await FromTheFirstAdministratorToASentLetterAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // What the browser did not find and at which step, with what the app saw go wrong meanwhile (a notice not written, a job failed).
            throw new Xunit.Sdk.XunitException(e.Message + "\n" + e.StackTrace + "\n" + app.Warnings.Describe() + "\n" + await app.DescribeStateAsync());
        }
    }

    private async Task FromTheFirstAdministratorToASentLetterAsync()
    {
        // The first administrator: settings, a team, a policy area, the college, a committee and the P&C year.
        var admin = await app.NewPageAsync();
        await new LoginPage(admin).SignInAsync(FirstRunFixture.AdministratorEmail, FirstRunFixture.AdministratorPassword);
        var shell = new Shell(admin);

        await OpenAsync(admin, "/admin/settings", "Instellingen van de gemeente");
        await admin.GetByLabel("Adres van Governance").FillAsync(app.BaseAddress.ToString());
        await admin.GetByLabel("Telefoonnummer voor vragen").FillAsync("14 043");
        await admin.GetByLabel("E-mailadres voor vragen").FillAsync("griffie@heuvelland.test");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByText("De instellingen zijn opgeslagen.")).ToBeVisibleAsync();
        await ScanAsync(admin);
        await shell.ScreenshotAsync("first-run-01-settings");

        await OpenAsync(admin, "/admin/teams", "Teams");
        await ScanAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nieuw team" }).ClickAsync();
        await NameDialogAsync(admin, "Sociaal Domein");
        await Assertions.Expect(admin.Locator("tbody tr", new() { HasText = "Sociaal Domein" })).ToHaveCountAsync(1);
        await shell.ScreenshotAsync("first-run-02-team");

        await OpenAsync(admin, "/admin/policy-areas", "Beleidsterreinen");
        await ScanAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Beleidsterrein toevoegen" }).ClickAsync();
        await NameDialogAsync(admin, "Wmo");
        await Assertions.Expect(admin.Locator("tbody tr", new() { HasText = "Wmo" })).ToHaveCountAsync(1);
        await shell.ScreenshotAsync("first-run-03-policy-area");

        await OpenAsync(admin, "/admin/college", "College van burgemeester en wethouders");
        await ScanAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wethouder toevoegen" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Naam", new() { Exact = true }).FillAsync("Wim Wethouder");
        await dialog.GetByLabel("Portefeuille").FillAsync("Wethouder Zorg en Welzijn");
        await dialog.GetByLabel("Begin termijn").FillAsync(Iso(Today.AddYears(-1)));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await shell.ScreenshotAsync("first-run-04-college");

        await OpenAsync(admin, "/admin/committees", "Commissies en raad");
        await ScanAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Commissie toevoegen" }).ClickAsync();
        await NameDialogAsync(admin, "Gemeenteraad");
        await shell.ScreenshotAsync("first-run-05-committee");

        await OpenAsync(admin, "/admin/planning", "Planning- en controlkalender");
        await ScanAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Jaar toevoegen" }).ClickAsync();
        dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("1e berap").FillAsync(Iso(new DateOnly(Today.Year, 9, 15)));
        await dialog.GetByLabel("Jaarrekening (in de raad)").FillAsync(Iso(new DateOnly(Today.Year + 1, 6, 15)));
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Raadsvergadering", Exact = true }).FillAsync(Iso(new DateOnly(Today.Year, 12, 15)));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Raadsvergadering toevoegen" }).ClickAsync();
        await ScanAsync(admin);
        await shell.ScreenshotAsync("first-run-06-planning-year");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"De P&C-kalender {Today.Year} is opgeslagen.")).ToBeVisibleAsync();

        // The people, each invited by e-mail.
        await OpenAsync(admin, "/admin/users", "Gebruikers");
        await InviteAsync(admin, "sanne@heuvelland.test", "Sanne Staf", "Medewerker", team: "Sociaal Domein");
        await InviteAsync(admin, "tom@heuvelland.test", "Tom Teamleider", "Teamleider", team: "Sociaal Domein");
        await InviteAsync(admin, "gerda@heuvelland.test", "Gerda Griffie", "Griffie");
        await InviteAsync(admin, "wim@heuvelland.test", "Wim Wethouder", "Wethouder", alderman: "Wim Wethouder");
        await ScanAsync(admin);
        await shell.ScreenshotAsync("first-run-07-invited");

        var first = true;
        foreach (var (email, name) in new[] { ("sanne@heuvelland.test", "Sanne Staf"), ("tom@heuvelland.test", "Tom Teamleider"), ("gerda@heuvelland.test", "Gerda Griffie"), ("wim@heuvelland.test", "Wim Wethouder") })
        {
            await AcceptAsync(email, name, screenshot: first);
            first = false;
        }

        // The griffie defines an indicator with baseline and target while registering a commitment.
        var griffie = await SignedInAsync("gerda@heuvelland.test");
        await OpenAsync(griffie, "/obligations", "Moties en toezeggingen");
        await griffie.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        dialog = griffie.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Toezegging" }).CheckAsync();
        await dialog.GetByLabel("Nummer").FillAsync("T-2026-001");
        await dialog.GetByLabel("Titel").FillAsync("Wachttijden Wmo");
        await dialog.GetByLabel("Tekst (dictum of toezegging)").FillAsync("De wethouder zegt toe de raad te informeren over de wachttijden in de Wmo.");
        await dialog.GetByLabel("Aangenomen of toegezegd op").FillAsync(Iso(Today.AddDays(-7)));
        await Pickers.SuggestAsync(griffie, dialog.GetByLabel("Vergadering", new() { Exact = true }), "Gemeenteraad");
        await dialog.GetByLabel("Vergaderdatum").FillAsync(Iso(Today.AddDays(-7)));
        await Pickers.ChooseAsync(griffie, dialog.GetByLabel("Verantwoordelijke wethouders"), "Wim Wethouder", exact: false);
        await Pickers.ChooseAsync(griffie, dialog.GetByLabel("Beleidsterrein"), "Wmo");
        await Pickers.ChooseAsync(griffie, dialog.GetByLabel("Rapportagefrequentie"), "Eenmalig");
        await dialog.GetByLabel("Uiterste datum").FillAsync(Iso(Today.AddDays(21)));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Nieuwe indicator" }).ClickAsync();
        var indicator = griffie.GetByRole(AriaRole.Dialog, new() { Name = "Nieuwe indicator" });
        await indicator.GetByLabel("Code").FillAsync("wmo-wachttijd");
        await indicator.GetByLabel("Naam").FillAsync("Wachttijd Wmo-aanvraag");
        await indicator.GetByLabel("Definitie").FillAsync("Gemiddeld aantal dagen van melding tot beschikking.");
        await Pickers.ChooseAsync(griffie, indicator.GetByLabel("Soort"), "Duur");
        await indicator.GetByLabel("Eenheid").FillAsync("dagen");
        await indicator.GetByLabel("Bron").FillAsync("Wmo-registratie");
        await Pickers.ChooseAsync(griffie, indicator.GetByLabel("Team dat aanlevert"), "Sociaal Domein");
        await Pickers.ChooseAsync(griffie, indicator.GetByLabel("Gewenste richting"), "Lager is beter");
        await indicator.GetByLabel("Nulmeting", new() { Exact = true }).FillAsync("56");
        await indicator.GetByLabel("Datum nulmeting").FillAsync(Iso(new DateOnly(Today.Year - 1, 1, 1)));
        await indicator.GetByLabel("Streefwaarde").FillAsync("42");
        await indicator.GetByLabel("Streefjaar").FillAsync((Today.Year + 2).ToString(CultureInfo.InvariantCulture));
        await ScanAsync(griffie);
        await new Shell(griffie).ScreenshotAsync("first-run-09-indicator");
        await indicator.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("picked-indicators")).ToContainTextAsync("nieuw, wordt aangemaakt bij opslaan");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await Assertions.Expect(new Shell(griffie).Heading).ToHaveTextAsync("Wachttijden Wmo", new() { Timeout = 15_000 });
        await new Shell(griffie).ScreenshotAsync("first-run-10-registered");

        // The daily opening, run now from the workflows page.
        await OpenAsync(admin, "/admin/workflows", "Werkstromen en achtergrondtaken");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Rapportages openen nu uitvoeren" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Rapportages openen is gestart.")).ToBeVisibleAsync();
        // The page speaks in words: the schedule, not cron; results as counts, not JSON.
        await Assertions.Expect(admin.GetByText("elke werkdag om 07:15")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("$type")).ToHaveCountAsync(0);
        // Read again once the run is done: its result as counts (Hangfire keeps the report's list with its type named).
        var opened = admin.GetByText(new System.Text.RegularExpressions.Regex(@"\d+ rapportages? geopend"));
        for (var attempt = 0; attempt < 30 && await opened.CountAsync() == 0; attempt++)
        {
            await Task.Delay(1_000);
            await OpenAsync(admin, "/admin/workflows", "Werkstromen en achtergrondtaken");
        }

        await Assertions.Expect(opened.First).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("$type")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();

        // The staff member enters the value and composes the letter.
        var staff = await SignedInAsync("sanne@heuvelland.test");
        var link = staff.GetByRole(AriaRole.Link, new() { Name = "Wachttijd Wmo-aanvraag" });
        for (var attempt = 0; attempt < 30 && await link.CountAsync() == 0; attempt++)
        {
            await Task.Delay(1_000);
            await OpenAsync(staff, "/tasks", "Mijn taken");
        }

        await link.First.ClickAsync();
        await new Shell(staff).WaitForCircuitAsync();

        // The calendar changes while the report runs: the griffie closes the office on the day the value is due. The
        // deadline moves, the report's journal says why, and the griffie and the staff member who owes the value hear of it.
        var dueOn = staff.GetByText(DueOn);
        var due = DateOnly.ParseExact(DueOn.Match(await dueOn.InnerTextAsync()).Groups["date"].Value, "d MMMM yyyy", Dutch);
        await CloseTheOfficeAsync(griffie, due);
        var moved = await new Shell(griffie).UnreadNotificationAsync("Termijn verplaatst: Wachttijden Wmo");
        await Assertions.Expect(moved).ToContainTextAsync($"De P&C-kalender {due.Year} is gewijzigd.");
        await moved.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(griffie.GetByText("Termijnen verplaatst")).ToBeVisibleAsync();
        // Followed, the notification is read: the bell counts nothing more.
        await Assertions.Expect(new Shell(griffie).UnreadBell).ToHaveCountAsync(0);
        await Assertions.Expect(griffie.GetByText($"(was {due.ToString("d MMMM yyyy", Dutch)})").First).ToBeVisibleAsync();
        await ScanAsync(griffie);
        await new Shell(griffie).ScreenshotAsync("first-run-11-deadline-moved");
        await OpenAsync(staff, "/tasks", "Mijn taken");
        var told = await new Shell(staff).UnreadNotificationAsync("Termijn verplaatst: Wachttijden Wmo", "cijfers uiterlijk ");
        await Assertions.Expect(told).ToContainTextAsync($"(was {due.ToString("d MMMM yyyy", Dutch)})");
        await OpenAsync(staff, "/tasks", "Mijn taken");
        await link.First.ClickAsync();
        await new Shell(staff).WaitForCircuitAsync();
        await Assertions.Expect(dueOn).Not.ToHaveTextAsync($"Aanleveren uiterlijk {due.ToString("d MMMM yyyy", Dutch)}");

        await Assertions.Expect(staff.GetByTestId("definition-version")).ToHaveTextAsync("1");
        await staff.GetByLabel("Waarde", new() { Exact = true }).FillAsync("48");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("task-status")).ToHaveTextAsync("Ingediend");
        await new Shell(staff).ScreenshotAsync("first-run-12-value");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Wachttijden Wmo" }).First.ClickAsync();
        await Assertions.Expect(new Shell(staff).Heading).ToHaveTextAsync("Wachttijden Wmo");
        await new Shell(staff).WaitForCircuitAsync();
        // The value completed the report: the composing job makes the letter at once (or the staff member composes it, when first).
        await staff.GotoAsync(await CycleHrefAsync(staff));
        await new Shell(staff).WaitForCircuitAsync();
        var letterButton = staff.GetByTestId("cycle-compose").Or(staff.GetByTestId("cycle-letter"));
        await letterButton.First.WaitForAsync();
        await new Shell(staff).ScreenshotAsync("first-run-13-cycle");
        await letterButton.First.ClickAsync();
        // Composing (or, when the job was first, finding its letter) and opening the letter page: on a loaded 2-core CI
        // machine this took over 15 s once.
        await Assertions.Expect(staff.GetByTestId("letter-status")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await new Shell(staff).WaitForCircuitAsync();
        await staff.GetByTestId("letter-submit").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("letter-status")).ToHaveTextAsync("Ter goedkeuring");
        await new Shell(staff).ScreenshotAsync("first-run-14-letter");
        await staff.Context.CloseAsync();

        // The alderman first sends it back with a comment. The drafting team hears of it, with the comment, and finds the
        // draft counted on the home page and in the menu; the staff member offers it again.
        var wim = await SignedInAsync("wim@heuvelland.test");
        await OpenAsync(wim, "/approvals", "Ter goedkeuring");
        await wim.GetByRole(AriaRole.Link).Filter(new() { HasText = "Wachttijden Wmo" }).First.ClickAsync();
        await new Shell(wim).WaitForCircuitAsync();
        await wim.GetByRole(AriaRole.Button, new() { Name = "Terugsturen" }).ClickAsync();
        dialog = wim.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Uw opmerkingen voor de opsteller").FillAsync("Noem ook de streefwaarde van 42 dagen.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(wim.GetByText("De brief is teruggestuurd naar de opsteller.")).ToBeVisibleAsync();
        await wim.Context.CloseAsync();

        staff = await SignedInAsync("sanne@heuvelland.test");
        await Assertions.Expect(staff.GetByTestId("work-now")).ToContainTextAsync("1 brief van uw team staat in concept: afmaken en indienen");
        await Assertions.Expect(new Shell(staff).Navigation.GetByTestId("to-draft-count")).ToHaveTextAsync("1 in concept");
        var sentBack = await new Shell(staff).UnreadNotificationAsync("Teruggestuurd: ", "Wachttijden Wmo");
        await Assertions.Expect(sentBack).ToContainTextAsync("Wim Wethouder heeft de raadsinformatiebrief");
        await Assertions.Expect(sentBack).ToContainTextAsync("met dit commentaar: Noem ook de streefwaarde van 42 dagen.");
        await ScanAsync(staff);
        await new Shell(staff).ScreenshotAsync("first-run-15-sent-back");
        await sentBack.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(staff.GetByTestId("letter-status")).ToHaveTextAsync("Concept");
        await new Shell(staff).WaitForCircuitAsync();
        await staff.GetByTestId("letter-submit").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("letter-status")).ToHaveTextAsync("Ter goedkeuring");
        await Assertions.Expect(new Shell(staff).Navigation.GetByTestId("to-draft-count")).ToHaveCountAsync(0);
        await staff.Context.CloseAsync();

        // The alderman approves; with the only responsible alderman's approval the letter is finalised.
        wim = await SignedInAsync("wim@heuvelland.test");
        await OpenAsync(wim, "/approvals", "Ter goedkeuring");
        await wim.GetByRole(AriaRole.Link).Filter(new() { HasText = "Wachttijden Wmo" }).First.ClickAsync();
        await new Shell(wim).WaitForCircuitAsync();
        await wim.GetByRole(AriaRole.Tab, new() { Name = "Goedkeuringen" }).ClickAsync();
        await wim.GetByTestId("letter-approve").ClickAsync();
        await Assertions.Expect(wim.GetByTestId("letter-status")).ToHaveTextAsync("Vastgesteld");
        await new Shell(wim).ScreenshotAsync("first-run-16-approved");
        await wim.Context.CloseAsync();

        // The griffie records the sending.
        await OpenAsync(griffie, "/letters", "Raadsinformatiebrieven");
        await griffie.GetByRole(AriaRole.Link).Filter(new() { HasText = "Wachttijden Wmo" }).First.ClickAsync();
        await new Shell(griffie).WaitForCircuitAsync();
        await griffie.GetByTestId("letter-record-sent").ClickAsync();
        dialog = griffie.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Documentnummer (optioneel)").FillAsync("RIB-0001");
        await dialog.GetByTestId("record-sent-confirm").ClickAsync();
        await Assertions.Expect(griffie.GetByTestId("letter-status")).ToHaveTextAsync("Verzonden");
        await Assertions.Expect(griffie.GetByTestId("letter-preview")).ToContainTextAsync("griffie@heuvelland.test");
        await new Shell(griffie).ScreenshotAsync("first-run-17-sent");
        await griffie.Context.CloseAsync();

        // Sending the one-off commitment's letter was the first key (reported, naming the letter); the handover reaches
        // the griffie: the home page counts it, the bell says what to judge, and the second key closes it.
        griffie = await SignedInAsync("gerda@heuvelland.test");
        await Assertions.Expect(griffie.GetByTestId("work-now")).ToContainTextAsync("1 motie of toezegging is gemeld als uitgevoerd: te beoordelen");
        var judge = await new Shell(griffie).UnreadNotificationAsync("Te beoordelen: ", "Wachttijden Wmo");
        await Assertions.Expect(judge).ToContainTextAsync("is uitgevoerd, gerapporteerd in raadsinformatiebrief");
        await judge.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(new Shell(griffie).Heading).ToHaveTextAsync("Wachttijden Wmo");
        await new Shell(griffie).WaitForCircuitAsync();
        await griffie.GetByRole(AriaRole.Button, new() { Name = "afdoen" }).ClickAsync();
        await Assertions.Expect(griffie.GetByText("Gerapporteerd in raadsinformatiebrief 2026.00001.")).ToBeVisibleAsync();
        // Judged: the menu no longer counts it, without a reload.
        await Assertions.Expect(new Shell(griffie).Navigation.GetByTestId("to-judge-count")).ToHaveCountAsync(0);
        await new Shell(griffie).ScreenshotAsync("first-run-18-fulfilled");
        await griffie.Context.CloseAsync();
    }

    /// <summary>
    /// An extra closed day in the P&amp;C calendar, kept by the griffie. A day in a year the calendar does not have yet (a
    /// deadline in January, when the journey runs late in December) comes with that year, added with its council dates.
    /// </summary>
    private static async Task CloseTheOfficeAsync(IPage page, DateOnly day)
    {
        await OpenAsync(page, "/admin/planning", "Planning- en controlkalender");
        var change = page.GetByRole(AriaRole.Button, new() { Name = $"P&C-kalender {day.Year} wijzigen" });
        await (await change.CountAsync() == 1 ? change : page.GetByRole(AriaRole.Button, new() { Name = "Jaar toevoegen" })).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        if (await change.CountAsync() == 0)
        {
            await dialog.GetByLabel("1e berap").FillAsync(Iso(new DateOnly(day.Year, 9, 15)));
            await dialog.GetByLabel("Jaarrekening (in de raad)").FillAsync(Iso(new DateOnly(day.Year + 1, 6, 15)));
        }

        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Sluitingsdag", Exact = true }).FillAsync(Iso(day));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sluitingsdag toevoegen" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"De P&C-kalender {day.Year} is opgeslagen. 1 lopende rapportage kreeg nieuwe termijnen;")).ToBeVisibleAsync();
    }

    /// <summary>The axe scan, once the messages of what was just done have faded (a message mid-fade has no contrast to judge).</summary>
    private static async Task ScanAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.AssertWcag21AAAsync();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task OpenAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync(path);
        var shell = new Shell(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync(heading);
        await shell.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    private static async Task NameDialogAsync(IPage page, string name)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }


    private static async Task InviteAsync(IPage page, string email, string name, string role, string? team = null, string? alderman = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Iemand uitnodigen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("E-mailadres").FillAsync(email);
        await dialog.GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = role, Exact = true }).CheckAsync();
        if (team is not null)
        {
            await Pickers.ChooseAsync(page, dialog.GetByLabel("Team", new() { Exact = true }), team);
        }

        if (alderman is not null)
        {
            await Pickers.ChooseAsync(page, dialog.GetByLabel("Wethouder", new() { Exact = true }).Last, alderman, exact: false);
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        // The invitation is saved and its e-mail queued before the dialog closes; slower on a busy runner.
        await Assertions.Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = name })).ToContainTextAsync("Uitgenodigd");
    }

    private async Task AcceptAsync(string email, string name, bool screenshot)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(await app.InvitationLinkAsync(email));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welkom bij Governance" })).ToBeVisibleAsync();
        if (screenshot)
        {
            await page.AssertWcag21AAAsync();
            await new Shell(page).ScreenshotAsync("first-run-08-invitation");
        }

        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Herhaal het nieuwe wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen en aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await new Shell(page).WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(name);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        return page;
    }

    /// <summary>The reporting cycle of the commitment, from the obligation page's list of reports.</summary>
    private static async Task<string> CycleHrefAsync(IPage page)
    {
        var href = await page.Locator("a[href^='/cycles/']").First.GetAttributeAsync("href");
        return href ?? throw new InvalidOperationException("The obligation page lists no report.");
    }
}
