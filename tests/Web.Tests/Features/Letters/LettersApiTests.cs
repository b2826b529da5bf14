using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>
/// A complete cycle becomes a letter: composed from its values, edited (a new version), offered for approval,
/// approved by every responsible alderman (the last approval finalises it with its reference number), and
/// recorded as sent by the griffie. The factsheets commitment (T-2024-031) is co-signed by three aldermen.
/// </summary>
public class LettersApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_complete_cycle_is_composed_approved_by_every_alderman_finalised_and_sent()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, staff, "T-2024-031");

        // Before composing there is no letter; the griffie cannot compose (not a drafter's role).
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/cycles/{cycleId}/letter")).StatusCode);
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Assert.Equal(HttpStatusCode.Forbidden, (await griffie.PostAsync($"/api/cycles/{cycleId}/letter", null)).StatusCode);

        using var composed = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);
        Assert.Equal(HttpStatusCode.OK, composed.StatusCode);
        var letterId = (await composed.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var draft = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        var body = draft.GetProperty("current").GetProperty("body").GetString()!;
        Assert.Contains("U vindt hieronder de cijfers over het ", body);
        Assert.Contains(" ging het om **21.568\u00a0inwoners**.", body);
        Assert.Contains("## Achtergrond", body);
        Assert.DoesNotContain("De waarde was", body);
        Assert.Contains("Hoogachtend,", body);
        Assert.Contains("Johan Pas", body);
        Assert.Equal("Drafting", (await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("status").GetString());

        // Composing again with the same values adds no version.
        using var again = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        draft = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal(1, draft.GetProperty("versions").GetArrayLength());

        // An edit without a subject is refused with the field named, and nothing is stored.
        var version = draft.GetProperty("version").GetInt32();
        using var bad = await staff.PutAsJsonAsync($"/api/letters/{letterId}", new { subject = "", handledBy = "S. Peeters", body, version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("subject", (await bad.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);

        using var edited = await staff.PutAsJsonAsync($"/api/letters/{letterId}",
            new { subject = "Factsheets sociaal domein", handledBy = "S. Peeters", phone = "043 350 4000", body = body + "\nNu al interesse in meer cijfers? Kijk op Maastricht in Cijfers.\n", version }, Json);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        version = (await edited.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("version").GetInt32();

        // A second save on the version read before the edit is a conflict, not an overwrite.
        using var stale = await staff.PutAsJsonAsync($"/api/letters/{letterId}", new { subject = "Ander onderwerp", handledBy = "S. Peeters", body, version = version - 1 }, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/letters/{letterId}/submit", new { version }, Json)).StatusCode);
        var offered = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal("InApproval", offered.GetProperty("status").GetString());
        var number = offered.GetProperty("current").GetProperty("number").GetInt32();
        Assert.Equal(2, number);

        // Staff and the griffie do not approve; aldermen approve the version they read.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/letters/approvals", new { letters = new[] { new { letterId, version = number } } }, Json)).StatusCode);
        using var hoenderkamp = await app.SignedInClientAsync("wethouder.hoenderkamp@maastricht.demo");
        using var mackus = await app.SignedInClientAsync("wethouder.mackus@maastricht.demo");
        using var pas = await app.SignedInClientAsync("wethouder.pas@maastricht.demo");
        Assert.Equal(HttpStatusCode.Conflict, (await hoenderkamp.PostAsJsonAsync("/api/letters/approvals", new { letters = new[] { new { letterId, version = 1 } } }, Json)).StatusCode);
        foreach (var alderman in new[] { hoenderkamp, mackus })
        {
            var outcome = await (await alderman.PostAsJsonAsync("/api/letters/approvals", new { letters = new[] { new { letterId, version = number } } }, Json)).Content.ReadFromJsonAsync<JsonElement>(Json);
            Assert.True(outcome[0].GetProperty("approved").GetBoolean());
            Assert.Equal(JsonValueKind.Null, outcome[0].GetProperty("reference").ValueKind);
        }

        // Offering it told each responsible alderman, with the approvals deadline.
        foreach (var alderman in new[] { hoenderkamp, mackus, pas })
        {
            Assert.Contains(await SubjectsAsync(alderman), s => s == "Ter goedkeuring: Factsheets sociaal domein");
        }

        var waiting = await pas.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal("InApproval", waiting.GetProperty("status").GetString());
        Assert.True(waiting.GetProperty("actions").GetProperty("approve").GetBoolean());
        var last = await (await pas.PostAsJsonAsync("/api/letters/approvals", new { letters = new[] { new { letterId, version = number } } }, Json)).Content.ReadFromJsonAsync<JsonElement>(Json);
        var reference = last[0].GetProperty("reference").GetString()!;
        Assert.Matches(@"^\d{4}\.\d{5}$", reference);

        var finalised = await griffie.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal("Finalised", finalised.GetProperty("status").GetString());
        Assert.True(finalised.GetProperty("sealVerifies").GetBoolean());
        Assert.Equal("Approved", (await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("status").GetString());
        // The last approval hands it to the griffie, to send.
        Assert.Contains(await SubjectsAsync(griffie), s => s == "Klaar om te verzenden: Factsheets sociaal domein");
        var html = await griffie.GetStringAsync($"/api/letters/{letterId}/html");
        Assert.Contains(reference, html);
        Assert.Contains("<th scope=\"row\">Onze referentie</th>", html);
        Assert.Contains("<svg", html);

        // A finalised letter refuses edits.
        using var locked = await staff.PutAsJsonAsync($"/api/letters/{letterId}", new { subject = "Gewijzigd", handledBy = "S. Peeters", body, version = finalised.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);

        var today = DateOnly.FromDateTime(DateTime.Today);
        Assert.Equal(HttpStatusCode.BadRequest, (await griffie.PostAsJsonAsync($"/api/letters/{letterId}/sent", new { sentOn = today.AddDays(5), version = finalised.GetProperty("version").GetInt32() }, Json)).StatusCode);
        using var sent = await griffie.PostAsJsonAsync($"/api/letters/{letterId}/sent", new { sentOn = today, documentNumber = "RIS-2025-118", version = finalised.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Sent", (await griffie.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json)).GetProperty("status").GetString());
        Assert.Equal("Sent", (await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_alderman_sends_a_letter_back_with_comments_and_the_drafter_sees_them()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, staff, "M-2014-083");
        var letterId = (await (await staff.PostAsync($"/api/cycles/{cycleId}/letter", null)).Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var draft = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/letters/{letterId}/submit", new { version = draft.GetProperty("version").GetInt32() }, Json)).StatusCode);

        // Jeroen Hoenderkamp approves first; Hubert Mackus then sends it back.
        using var hoenderkamp = await app.SignedInClientAsync("wethouder.hoenderkamp@maastricht.demo");
        var approved = await (await hoenderkamp.PostAsJsonAsync("/api/letters/approvals", new { letters = new[] { new { letterId, version = 1 } } }, Json)).Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(approved[0].GetProperty("approved").GetBoolean());
        using var mackus = await app.SignedInClientAsync("wethouder.mackus@maastricht.demo");
        Assert.Equal(HttpStatusCode.BadRequest, (await mackus.PostAsJsonAsync($"/api/letters/{letterId}/send-back", new { comments = "", version = 1 }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mackus.PostAsJsonAsync($"/api/letters/{letterId}/send-back", new { comments = "Graag de wachttijden toelichten.", version = 1 }, Json)).StatusCode);

        var back = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal("Draft", back.GetProperty("status").GetString());
        Assert.Equal("Graag de wachttijden toelichten.", back.GetProperty("sentBackComments").GetString());
        Assert.True(back.GetProperty("actions").GetProperty("edit").GetBoolean());
        Assert.Equal("SentBack", (await staff.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("status").GetString());

        // The drafting team hears of it, with the comments, once.
        var notices = (await staff.GetFromJsonAsync<JsonElement>("/api/me/notifications?pageSize=100", Json)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/letters/{letterId}" && n.GetProperty("subject").GetString()!.StartsWith("Teruggestuurd: ", StringComparison.Ordinal)).ToList();
        Assert.Contains("Graag de wachttijden toelichten.", Assert.Single(notices).GetProperty("body").GetString());

        // Offered again unchanged: the send-back withdrew every approval, so all three aldermen approve again.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/letters/{letterId}/submit", new { version = back.GetProperty("version").GetInt32() }, Json)).StatusCode);
        var again = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal(1, again.GetProperty("current").GetProperty("number").GetInt32());
        Assert.All(again.GetProperty("aldermen").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("approvedAtUtc").ValueKind));
        Assert.True((await hoenderkamp.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json)).GetProperty("actions").GetProperty("approve").GetBoolean());
    }

    private static async Task<List<string>> SubjectsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/me/notifications?pageSize=100", Json)).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("subject").GetString()!)];
}
