using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

[Collection(AppCollection.Name)]
public class TaskJourneys(AppFixture app)
{
    [Fact]
    public async Task A_staff_member_sees_the_team_inbox_and_hands_in_values_in_Dutch_notation()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("medewerker@maastricht.demo");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        var count = shell.Navigation.GetByTestId("open-task-count");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ open$"));
        var before = OpenCount(await count.InnerTextAsync());
        Assert.True(before > 0, "the demo opens cycles with tasks for the staff's team");

        await shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Mijn taken" }).ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Mijn taken");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(Math.Min(before, 25));
        await page.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("08-my-tasks");

        // A count, in Dutch notation with a thousands point; a point that could be a decimal is refused first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inwoners met Wmo-ondersteuning" }).First.ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Inwoners met Wmo-ondersteuning");
        await shell.WaitForCircuitAsync();
        await page.AssertWcag21AAAsync();
        var number = page.GetByLabel("Waarde", new() { Exact = true });
        await number.FillAsync("12.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("gebruik een komma voor decimalen")).ToBeVisibleAsync();
        await number.FillAsync("2.834");
        await page.GetByLabel("Toelichting").FillAsync("Stijging door de nieuwe toegang via de wijkteams.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("Ingediend");
        await Assertions.Expect(page.GetByTestId("current-value")).ToContainTextAsync("2.834 inwoners");
        await Assertions.Expect(page.GetByTestId("task-locked")).ToBeVisibleAsync();
        await shell.ScreenshotAsync("09-task-submitted");

        // A percentage with a decimal comma, kept as a draft: still open, so still counted.
        await page.GotoAsync("/tasks");
        await shell.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Aandeel inwoners met ondersteuning" }).First.ClickAsync();
        await shell.WaitForCircuitAsync();
        await page.GetByLabel("Waarde", new() { Exact = true }).FillAsync("12,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("Concept opgeslagen");
        await Assertions.Expect(page.GetByTestId("current-value")).ToContainTextAsync("12,5 %");
        await shell.ScreenshotAsync("10-task-draft");

        // The source table goes with the draft as an attachment, through the browser's file picker.
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "brontabel-sociaal-domein.csv",
            MimeType = "text/csv",
            Buffer = "jaar;aandeel\n2026;12,5\n"u8.ToArray(),
        });
        var attachment = page.GetByTestId("attachment");
        await Assertions.Expect(attachment).ToContainTextAsync("brontabel-sociaal-domein.csv");
        await Assertions.Expect(attachment).ToContainTextAsync("Sanne Peeters");
        await page.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("10b-task-attachment");

        await page.GotoAsync("/tasks");
        await shell.WaitForCircuitAsync();
        await Assertions.Expect(count).ToHaveTextAsync($"{before - 1} open");
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task The_griffie_has_no_task_inbox_and_is_refused_the_entry_pages()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("griffie@maastricht.demo");
        var shell = new Shell(page);
        await shell.WaitForCircuitAsync();
        Assert.DoesNotContain(await shell.NavigationItemsAsync(), i => i.StartsWith("Mijn taken", StringComparison.Ordinal));
        await page.GotoAsync("/tasks");
        await Assertions.Expect(page.GetByText("U heeft geen toegang tot deze pagina met uw rol.")).ToBeVisibleAsync();
        await app.CloseAsync(page);
    }

    [Fact]
    public async Task The_team_lead_returns_a_value_with_a_comment_and_arranges_a_substitute()
    {
        var staff = await app.NewPageAsync();
        await new LoginPage(staff).SignInAsync("medewerker@maastricht.demo");
        var staffShell = new Shell(staff);
        await staff.GotoAsync("/tasks");
        await staffShell.WaitForCircuitAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Huishoudens met ondersteuning" }).First.ClickAsync();
        await staffShell.WaitForCircuitAsync();
        var taskUrl = staff.Url;
        await staff.GetByLabel("Waarde", new() { Exact = true }).FillAsync("14.012");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("task-status")).ToHaveTextAsync("Ingediend");

        var lead = await app.NewPageAsync();
        await new LoginPage(lead).SignInAsync("teamleider@maastricht.demo");
        var shell = new Shell(lead);
        await shell.WaitForCircuitAsync();
        // The demo's team has late values: the home page and the menu say so.
        await Assertions.Expect(lead.GetByTestId("work-now")).ToContainTextAsync("van uw team");
        await Assertions.Expect(shell.Navigation.GetByTestId("team-late-count")).ToContainTextAsync("te laat");
        await shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Mijn team" }).ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Mijn team");
        await lead.GetByRole(AriaRole.Radio, new() { Name = "Alle taken van mijn team" }).CheckAsync();
        var row = lead.GetByTestId("team-tasks").Locator("tbody tr").Filter(new() { HasText = "Huishoudens met ondersteuning" }).Filter(new() { HasText = "Ingediend" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Waarde van Huishoudens met ondersteuning terugsturen" }).ClickAsync();
        var dialog = lead.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Waarom gaat de waarde terug?", new() { Exact = false }).FillAsync("Graag de peildatum 30 juni aanhouden.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(lead.GetByText("De waarde is teruggestuurd.")).ToBeVisibleAsync();

        // An open task given to Sanne: she is told it is hers.
        var open = lead.GetByTestId("team-tasks").Locator("tbody tr").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("\\bOpen\\b") }).First;
        var assign = open.GetByLabel(new System.Text.RegularExpressions.Regex(" toewijzen aan$"));
        var assigned = (await assign.GetAttributeAsync("aria-label"))![..^" toewijzen aan".Length];
        await assign.ClickAsync();
        await lead.GetByRole(AriaRole.Option, new() { Name = "Sanne Peeters" }).ClickAsync();
        await Assertions.Expect(lead.GetByText("De taak is toegewezen.")).ToBeVisibleAsync();

        var members = lead.GetByTestId("team-members");
        await members.GetByLabel("Vervanger van Sanne Peeters").ClickAsync();
        await lead.GetByRole(AriaRole.Option, new() { Name = "Maurice Hermans" }).ClickAsync();
        await members.GetByLabel("Sanne Peeters afwezig tot en met").FillAsync(DateTime.Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await members.GetByRole(AriaRole.Button, new() { Name = "Vervanging van Sanne Peeters opslaan" }).ClickAsync();
        await Assertions.Expect(lead.GetByText("Vervanging van Sanne Peeters opgeslagen.")).ToBeVisibleAsync();
        await lead.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("14-team-lead");

        // Whoever entered the value is told it came back, with the comment, and follows the notice to the task.
        await staff.GotoAsync("/");
        await staffShell.WaitForCircuitAsync();
        var returned = await staffShell.UnreadNotificationAsync("Teruggestuurd: Huishoudens met ondersteuning");
        await Assertions.Expect(returned).ToContainTextAsync("Graag de peildatum 30 juni aanhouden.");
        await returned.GetByRole(AriaRole.Link).First.ClickAsync();
        await staffShell.WaitForCircuitAsync();
        Assert.Equal(taskUrl, staff.Url);
        await Assertions.Expect(staff.GetByTestId("task-status")).ToHaveTextAsync("Teruggestuurd");
        await Assertions.Expect(staff.GetByText("Teruggestuurd: Graag de peildatum 30 juni aanhouden.")).ToBeVisibleAsync();
        var given = await staffShell.UnreadNotificationAsync($"Taak voor u: {assigned}");
        await Assertions.Expect(given).ToContainTextAsync("is aan u toegewezen. Dien haar uiterlijk");
        await app.CloseAsync(staff);
        await app.CloseAsync(lead);
    }

    [Fact]
    public async Task A_staff_member_imports_values_from_a_file_after_checking_each_line()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("medewerker@maastricht.demo");
        var shell = new Shell(page);
        await page.GotoAsync("/tasks");
        await shell.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Importeren uit een bestand" }).ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Waarden importeren");
        await shell.WaitForCircuitAsync();
        var firstTemplate = await page.GetByTestId("template").GetAttributeAsync("href");
        await page.GetByLabel("Rapportage").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Periodiek inzicht" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("template")).Not.ToHaveAttributeAsync("href", firstTemplate!);

        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "waarden.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("code;indicator;waarde;toelichting;bron;niet beschikbaar (reden)\nJH-JONGEREN;;3.120;;DWH;\nONBEKEND;;1;;;\n"),
        });
        var preview = page.GetByTestId("import-preview");
        await Assertions.Expect(preview).ToContainTextAsync("1 regel klopt niet");
        await Assertions.Expect(preview).ToContainTextAsync("'ONBEKEND' is geen indicator van deze rapportage.");

        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "waarden.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("code;indicator;waarde;toelichting;bron;niet beschikbaar (reden)\nJH-JONGEREN;;3.120;;DWH;\n"),
        });
        await Assertions.Expect(preview).ToContainTextAsync("De regel klopt.");
        await page.AssertWcag21AAAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "1 waarde opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("1 waarde opgeslagen.");
        await shell.ScreenshotAsync("16-import");
        await app.CloseAsync(page);
    }

    private static int OpenCount(string text) => int.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
