using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>
/// "Vinger aan de pols", 3rd quarter, co-signed by three aldermen: Jeroen Hoenderkamp approved it in the demo;
/// Johan Pas reads it in "Ter goedkeuring" with the differences to the 2nd quarter's letter and approves; Hubert
/// Mackus approves on the letter page, which finalises it with its reference; the downloads open; the griffie
/// records the sending; the council member reads it among the sent letters.
/// </summary>
[Collection(AppCollection.Name)]
public class LetterJourneys(AppFixture app)
{
    [Fact]
    public async Task The_aldermen_approve_a_letter_it_is_finalised_downloaded_sent_and_read_by_the_council()
    {
        await app.MakeDemoLettersAsync();

        var pas = await app.NewPageAsync();
        await new LoginPage(pas).SignInAsync("wethouder.pas@maastricht.demo");
        var shell = new Shell(pas);
        await shell.WaitForCircuitAsync();
        // The home page and the menu say what waits for him.
        await Assertions.Expect(pas.GetByTestId("work-now")).ToContainTextAsync("1 brief wacht op uw goedkeuring");
        await Assertions.Expect(shell.Navigation.GetByTestId("approvals-count")).ToHaveTextAsync("1 voor u");
        // Offered for approval: each responsible alderman is told, with the deadline.
        var offered = await shell.UnreadNotificationAsync("Ter goedkeuring: ", "3e kwartaal 2026");
        await Assertions.Expect(offered).ToContainTextAsync("ligt ter goedkeuring bij u, graag uiterlijk");
        await shell.WaitForCircuitAsync();
        await shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Ter goedkeuring" }).ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Ter goedkeuring");
        await shell.WaitForCircuitAsync();
        var waiting = pas.GetByTestId("approvals-waiting");
        var row = waiting.GetByRole(AriaRole.Row).Filter(new() { HasText = "3e kwartaal 2026" });
        await Assertions.Expect(row).ToContainTextAsync("Jeroen Hoenderkamp (akkoord)");
        await row.GetByRole(AriaRole.Button, new() { Name = "Bekijken: Vinger aan de pols, 3e kwartaal 2026" }).ClickAsync();
        var review = pas.GetByTestId("approval-review");
        await Assertions.Expect(review).ToContainTextAsync("Onze referentie");
        await review.GetByRole(AriaRole.Tab, new() { Name = "Verschil met vorige brief" }).ClickAsync();
        await Assertions.Expect(review.GetByTestId("diff-summary")).ToContainTextAsync("gewijzigd");
        await Assertions.Expect(review).ToContainTextAsync("Vorige brief 2026.00001 (2e kwartaal 2026)");
        await pas.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("20-approvals");

        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await pas.GetByTestId("approve-selected").ClickAsync();
        await Assertions.Expect(pas.GetByText("1 brief goedgekeurd, waarvan 0 vastgesteld.")).ToBeVisibleAsync();
        await Assertions.Expect(pas.GetByTestId("approvals-empty")).ToBeVisibleAsync();
        await app.CloseAsync(pas);

        var mackus = await app.NewPageAsync();
        await new LoginPage(mackus).SignInAsync("wethouder.mackus@maastricht.demo");
        shell = new Shell(mackus);
        await mackus.GotoAsync("/approvals");
        await shell.WaitForCircuitAsync();
        await mackus.GetByRole(AriaRole.Link, new() { Name = "Vinger aan de pols, 3e kwartaal 2026" }).First.ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Vinger aan de pols, 3e kwartaal 2026");
        await shell.WaitForCircuitAsync();
        await mackus.GetByRole(AriaRole.Tab, new() { Name = "Goedkeuringen" }).ClickAsync();
        await Assertions.Expect(mackus.GetByTestId("letter-approvals")).ToContainTextAsync("Nog niet goedgekeurd");
        await mackus.AssertWcag21AAAsync();
        await mackus.GetByTestId("letter-approve").ClickAsync();
        await Assertions.Expect(mackus.GetByTestId("letter-status")).ToHaveTextAsync("Vastgesteld");
        await Assertions.Expect(mackus.GetByTestId("letter-reference")).ToHaveTextAsync("Onze referentie 2026.00002");
        await Assertions.Expect(mackus.GetByText("Inhoud ongewijzigd sinds vaststelling")).ToBeVisibleAsync();
        await shell.ScreenshotAsync("21-letter-finalised");

        foreach (var (format, type) in new[] { ("pdf", "application/pdf"), ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), ("html", "text/html") })
        {
            var href = await mackus.GetByTestId($"download-{format}").GetAttributeAsync("href");
            var response = await mackus.Context.APIRequest.GetAsync(href!);
            Assert.Equal(200, response.Status);
            Assert.StartsWith(type, response.Headers["content-type"], StringComparison.Ordinal);
            Assert.Contains("raadsinformatiebrief-2026.00002", response.Headers["content-disposition"], StringComparison.Ordinal);
            Assert.True((await response.BodyAsync()).Length > 1000, $"the {format} has content");
        }

        await app.CloseAsync(mackus);

        var griffie = await app.NewPageAsync();
        await new LoginPage(griffie).SignInAsync("griffie@maastricht.demo");
        shell = new Shell(griffie);
        await shell.WaitForCircuitAsync();
        // The last approval finalised it: the home page and the menu count it, and the griffie is told to send it, with its reference.
        await Assertions.Expect(griffie.GetByTestId("work-now")).ToContainTextAsync("1 vastgestelde brief is te verzenden");
        await Assertions.Expect(shell.Navigation.GetByTestId("to-send-count")).ToHaveTextAsync("1 te verzenden");
        var toSend = await shell.UnreadNotificationAsync("Klaar om te verzenden: ", "2026.00002");
        await Assertions.Expect(toSend).ToContainTextAsync("vastgesteld met onze referentie 2026.00002");
        await griffie.GotoAsync("/letters");
        await shell.WaitForCircuitAsync();
        await griffie.GetByRole(AriaRole.Link, new() { Name = "Vinger aan de pols, 3e kwartaal 2026" }).ClickAsync();
        await shell.WaitForCircuitAsync();
        await griffie.GetByTestId("letter-record-sent").ClickAsync();
        var dialog = griffie.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Documentnummer (optioneel)").FillAsync("RIB-2026-0517");
        await dialog.GetByTestId("record-sent-confirm").ClickAsync();
        await Assertions.Expect(griffie.GetByTestId("letter-status")).ToHaveTextAsync("Verzonden");
        await Assertions.Expect(griffie.GetByText("documentnummer RIB-2026-0517")).ToBeVisibleAsync();
        await shell.Navigation.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Raadsinformatiebrieven") }).ClickAsync();
        await shell.WaitForCircuitAsync();
        await Assertions.Expect(shell.Navigation.GetByTestId("to-send-count")).ToHaveCountAsync(0);
        await app.CloseAsync(griffie);

        var member = await app.NewPageAsync();
        await new LoginPage(member).SignInAsync("raadslid@maastricht.demo");
        shell = new Shell(member);
        await shell.WaitForCircuitAsync();
        await shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Raadsinformatiebrieven" }).ClickAsync();
        await shell.WaitForCircuitAsync();
        var rows = member.Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "2026.00002" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "2026.00001" })).ToHaveCountAsync(1);
        await member.GetByRole(AriaRole.Link, new() { Name = "Vinger aan de pols, 3e kwartaal 2026" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("letter-preview")).ToContainTextAsync("Hoogachtend,");
        await member.AssertWcag21AAAsync();
        await shell.ScreenshotAsync("22-council-member-letter");
        await app.CloseAsync(member);
    }
}
