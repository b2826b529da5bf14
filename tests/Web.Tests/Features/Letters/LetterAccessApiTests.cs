using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>
/// Who sees a letter when, the aldermen's workspace, approvals going stale when a value changes, and the
/// templates a letter is composed with.
/// </summary>
public class LetterAccessApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Council_members_read_a_letter_and_its_downloads_only_once_it_is_finalised_and_hear_when_it_is_sent()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, staff, "M-2014-083");
        var letterId = await ComposeAsync(staff, cycleId);
        using var member = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/letters/{letterId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/letters/{letterId}/pdf")).StatusCode);
        Assert.DoesNotContain(await Listed(member), id => id == letterId);
        Assert.Contains(await Listed(staff), id => id == letterId);

        // A second version before it is offered: the council never sees the first draft.
        var draft = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        using var edited = await staff.PutAsJsonAsync($"/api/letters/{letterId}", new
        {
            subject = "Vinger aan de pols", handledBy = "S. Peeters", phone = "043 350 41 00", body = draft.GetProperty("current").GetProperty("body").GetString() + "\nMet vriendelijke groet.\n",
            version = draft.GetProperty("version").GetInt32(),
        }, Json);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        await SubmitAsync(staff, letterId);
        await ApproveByAllAsync(letterId);

        Assert.Contains(await Listed(member), id => id == letterId);
        var read = await member.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal("Finalised", read.GetProperty("status").GetString());
        Assert.False(read.GetProperty("actions").GetProperty("readCycle").GetBoolean());
        Assert.Equal(2, read.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal([2], read.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(2, (await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json)).GetProperty("versions").GetArrayLength());
        using var pdf = await member.GetAsync($"/api/letters/{letterId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        using var docx = await member.GetAsync($"/api/letters/{letterId}/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/letters/{letterId}/pdf?version=99")).StatusCode);

        // The council member follows the motion and hears when the letter is sent.
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var obligationId = (await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("obligationId").GetGuid();
        Assert.True((await member.PutAsync($"/api/obligations/{obligationId}/following", null)).IsSuccessStatusCode);
        var finalised = await griffie.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        using var sent = await griffie.PostAsJsonAsync($"/api/letters/{letterId}/sent",
            new { sentOn = DateOnly.FromDateTime(DateTime.Today), documentNumber = "RIB-1", version = finalised.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reference = finalised.GetProperty("reference").GetString();
        var notifications = await member.GetFromJsonAsync<JsonElement>("/api/me/notifications", Json);
        var told = Assert.Single(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("subject").GetString()!.Contains($"raadsinformatiebrief {reference} verzonden"));
        Assert.Equal($"/letters/{letterId}", told.GetProperty("link").GetString());
    }

    [Fact]
    public async Task A_finalised_letter_changed_behind_the_application_is_found_by_the_check_command()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var letterId = await ComposeAsync(staff, await LetterCycles.CompleteAsync(app, staff, "M-2014-083"));
        await SubmitAsync(staff, letterId);
        await ApproveByAllAsync(letterId);
        var before = await CheckAsync();
        Assert.Empty(before.Broken);
        Assert.True(before.Checked >= 1);

        await using (var db = app.Database())
        {
            var letter = await db.CouncilLetters.Where(l => l.Id == new Domain.Letters.CouncilLetterId(letterId)).Select(l => new { l.Id, l.FinalisedVersion }).SingleAsync();
            Assert.Equal(1, await db.LetterVersions.Where(v => v.LetterId == letter.Id && v.Number == letter.FinalisedVersion)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Body, v => v.Body.Replace("Hoogachtend", "Met vriendelijke groet"))));
        }

        var after = await CheckAsync();
        var broken = Assert.Single(after.Broken);
        Assert.Equal(letterId, broken.LetterId);
        Assert.Matches(@"^\d{4}\.\d{5}$", broken.Reference);
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Assert.False((await griffie.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json)).GetProperty("sealVerifies").GetBoolean());
    }

    [Fact]
    public async Task An_approval_goes_stale_when_a_value_the_letter_uses_changes_and_is_asked_again()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, staff, "T-2024-031");
        var letterId = await ComposeAsync(staff, cycleId);
        await SubmitAsync(staff, letterId);

        using var hoenderkamp = await app.SignedInClientAsync("wethouder.hoenderkamp@maastricht.demo");
        using var mackus = await app.SignedInClientAsync("wethouder.mackus@maastricht.demo");
        var workspace = await mackus.GetFromJsonAsync<JsonElement>("/api/letters/approvals", Json);
        Assert.Contains(workspace.GetProperty("waitingForMe").EnumerateArray(), l => l.GetProperty("id").GetGuid() == letterId);
        await ApproveAsync(hoenderkamp, letterId, expectReference: false);
        Assert.Equal(HttpStatusCode.OK, (await mackus.PostAsJsonAsync($"/api/letters/{letterId}/send-back", new { comments = "Het aantal jongeren klopt niet.", version = 1 }, Json)).StatusCode);

        // The team lead returns the value, staff hand in the right one, the letter is composed again from it.
        var cycle = await staff.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json);
        var task = cycle.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("indicatorCode").GetString() == "JH-JONGEREN").GetProperty("id").GetGuid();
        using var lead = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        using var returned = await lead.PostAsJsonAsync($"/api/cycles/{cycleId}/tasks/{task}/return", new { comment = "Peildatum 30 juni.", version = cycle.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var version = (await staff.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("version").GetInt32();
        using var recorded = await staff.PostAsJsonAsync($"/api/cycles/{cycleId}/tasks/{task}/values", new { number = 3_041, version }, Json);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(letterId, await ComposeAsync(staff, cycleId));

        var letter = await hoenderkamp.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Contains("3.041", letter.GetProperty("current").GetProperty("body").GetString());
        var mine = letter.GetProperty("aldermen").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Jeroen Hoenderkamp");
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("approvedAtUtc").ValueKind);
        Assert.Equal(1, mine.GetProperty("staleVersion").GetInt32());

        await SubmitAsync(staff, letterId);
        letter = await hoenderkamp.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.True(letter.GetProperty("actions").GetProperty("approve").GetBoolean());
    }

    [Fact]
    public async Task Only_aldermen_have_a_workspace()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Assert.Equal(HttpStatusCode.Forbidden, (await griffie.GetAsync("/api/letters/approvals")).StatusCode);
        using var pas = await app.SignedInClientAsync("wethouder.pas@maastricht.demo");
        var workspace = await pas.GetFromJsonAsync<JsonElement>("/api/letters/approvals", Json);
        Assert.Equal(JsonValueKind.Array, workspace.GetProperty("waitingForMe").ValueKind);
    }

    [Fact]
    public async Task A_template_is_checked_before_it_is_saved_and_then_composes_the_letters_of_its_kind()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var templates = await griffie.GetFromJsonAsync<JsonElement>("/api/letter-templates", Json);
        var motion = templates.EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Motion");
        Assert.True(motion.GetProperty("isDefault").GetBoolean());

        using var empty = await griffie.PutAsJsonAsync("/api/letter-templates/Motion", new { text = "", version = (int?)null }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("text", out _));
        using var broken = await griffie.PutAsJsonAsync("/api/letter-templates/Motion", new { text = "Regel een\n{% for item in items %}\nzonder einde", version = (int?)null }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("regel", (await broken.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("detail").GetString());
        using var escaping = await griffie.PutAsJsonAsync("/api/letter-templates/Motion", new { text = "{% include 'secrets' %}", version = (int?)null }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, escaping.StatusCode);
        Assert.True((await griffie.GetFromJsonAsync<JsonElement>("/api/letter-templates", Json)).EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Motion").GetProperty("isDefault").GetBoolean());

        const string Text = "Geachte raad,\n\nDit is de eigen brief van Maastricht over {{ obligation.title }}, {{ the_period }}.\n\nHoogachtend,\n";
        using var saved = await griffie.PutAsJsonAsync("/api/letter-templates/Motion", new { text = Text, version = (int?)null }, Json);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = (await saved.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("version").GetInt32();
        using var twice = await griffie.PutAsJsonAsync("/api/letter-templates/Motion", new { text = Text + "Tweede keer.\n", version = (int?)null }, Json);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var wethouder = await app.SignedInClientAsync("wethouder.mackus@maastricht.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await wethouder.PutAsJsonAsync("/api/letter-templates/Motion", new { text = Text, version }, Json)).StatusCode);

        var cycleId = await LetterCycles.CompleteAsync(app, griffie, "M-2019-026");
        using (var scope = app.Services.CreateScope())
        {
            await ActivatorUtilities.CreateInstance<Workflows.Letters.ComposeLetterJob>(scope.ServiceProvider).ExecuteAsync(cycleId, CancellationToken.None);
        }

        var letter = await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}/letter", Json);
        Assert.StartsWith("Geachte raad,\n\nDit is de eigen brief van Maastricht over Wachtlijsten Jeugdhulp, het 1e halfjaar", letter.GetProperty("current").GetProperty("body").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await griffie.DeleteAsync($"/api/letter-templates/Motion?version={version}")).StatusCode);
        Assert.True((await griffie.GetFromJsonAsync<JsonElement>("/api/letter-templates", Json)).EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Motion").GetProperty("isDefault").GetBoolean());
    }

    /// <summary>The three co-signers of "Vinger aan de pols" approve; the last approval finalises the letter.</summary>
    private async Task ApproveByAllAsync(Guid letterId)
    {
        foreach (var email in new[] { "wethouder.hoenderkamp@maastricht.demo", "wethouder.mackus@maastricht.demo", "wethouder.pas@maastricht.demo" })
        {
            using var alderman = await app.SignedInClientAsync(email);
            await ApproveAsync(alderman, letterId, expectReference: email.Contains("pas", StringComparison.Ordinal));
        }
    }

    private async Task<Workflows.Letters.LetterSealReport> CheckAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Workflows.Letters.VerifyLetterSealsCommand());
    }

    private static async Task<Guid> ComposeAsync(HttpClient staff, Guid cycleId)
    {
        using var composed = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);
        Assert.True(composed.StatusCode == HttpStatusCode.OK, await composed.Content.ReadAsStringAsync());
        return (await composed.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    private static async Task SubmitAsync(HttpClient staff, Guid letterId)
    {
        var draft = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        using var submitted = await staff.PostAsJsonAsync($"/api/letters/{letterId}/submit", new { version = draft.GetProperty("version").GetInt32() }, Json);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
    }

    private static async Task ApproveAsync(HttpClient alderman, Guid letterId, bool expectReference)
    {
        var letter = await alderman.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        var number = letter.GetProperty("current").GetProperty("number").GetInt32();
        var outcome = await (await alderman.PostAsJsonAsync("/api/letters/approvals", new { letters = new[] { new { letterId, version = number } } }, Json)).Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(outcome[0].GetProperty("approved").GetBoolean());
        Assert.Equal(expectReference, outcome[0].GetProperty("reference").ValueKind == JsonValueKind.String);
    }

    private static async Task<IReadOnlyList<Guid>> Listed(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/letters?pageSize=100", Json);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}
