using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Obligations;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Features.Letters;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Obligations;

/// <summary>The two keys: the executive reports an obligation carried out, the griffie confirms or reopens it.</summary>
public class ObligationClosureApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_responsible_alderman_reports_it_in_one_of_its_finalised_letters_and_the_griffie_confirms_it_fulfilled()
    {
        using var hoenderkamp = await app.SignedInClientAsync("wethouder.hoenderkamp@maastricht.demo");
        var (id, version) = await Read(hoenderkamp, "T-2025-118");
        using var notHis = await hoenderkamp.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Report", reason = "2026.01234", version }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, notHis.StatusCode);

        using var mackus = await app.SignedInClientAsync("wethouder.mackus@maastricht.demo");
        using var noLetter = await mackus.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Report", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, noLetter.StatusCode);
        using var nothingFinalised = await mackus.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Report", reason = "2026.01234", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, nothingFinalised.StatusCode);
        Assert.Contains("nog geen vastgestelde raadsinformatiebrief over deze toezegging", await nothingFinalised.Content.ReadAsStringAsync());

        // Its letter is finalised; a reference that is not one of its letters is still refused, with the choices named.
        var (cycleId, reference) = await FinalisedLetterAsync("T-2025-118", "wethouder.mackus@maastricht.demo");
        (_, version) = await Read(mackus, "T-2025-118");
        using var freeText = await mackus.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Report", reason = "2026.01234", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, freeText.StatusCode);
        Assert.Contains($"Kies een van de vastgestelde raadsinformatiebrieven over deze toezegging: {reference}.", await freeText.Content.ReadAsStringAsync());
        Assert.Equal("InProgress", (await mackus.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json)).GetProperty("status").GetString());
        using var reported = await mackus.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Report", reason = reference, version }, Json);
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);

        // The first key turned: the griffie is told it is theirs to judge, once.
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var toJudge = Assert.Single(await NotificationsAsync(griffie, $"/obligations/{id}"), n => n.GetProperty("subject").GetString()!.StartsWith("Te beoordelen: T-2025-118", StringComparison.Ordinal));
        Assert.Contains($"gerapporteerd in raadsinformatiebrief {reference}", toJudge.GetProperty("body").GetString());
        (_, version) = await Read(griffie, "T-2025-118");
        using var griffieReports = await griffie.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Report", reason = reference, version }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, griffieReports.StatusCode);
        using var confirmed = await griffie.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "ConfirmFulfilled", version }, Json);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var overview = await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        Assert.Equal("Fulfilled", overview.GetProperty("status").GetString());
        Assert.Equal(reference, overview.GetProperty("reportedInLetter").GetString());
        // The report whose letter is finalised is not ended: that letter still goes to the council.
        Assert.Equal("Approved", (await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("status").GetString());

        (_, version) = await Read(griffie, "T-2025-118");
        using var reopen = await griffie.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Reopen", reason = "Toch niet", version }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reopen.StatusCode);
    }

    [Fact]
    public async Task Lapsing_an_obligation_ends_its_running_reports_with_a_journal_line()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, version) = await Read(griffie, "M-2019-026");
        var running = ReportingCycleWorkflow.Schedule.SelectMany(s => s.States).ToList();
        await using (var db = app.Database())
        {
            Assert.NotEmpty(await db.ReportingCycles.Where(c => c.ObligationId == new ObligationId(id) && running.Contains(c.Status)).ToListAsync());
        }

        using var lapsed = await griffie.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Lapse", reason = "Opgegaan in de motie Jeugdhulp 2027", version }, Json);
        Assert.Equal(HttpStatusCode.OK, lapsed.StatusCode);

        await using var check = app.Database();
        var cycles = await check.ReportingCycles.Where(c => c.ObligationId == new ObligationId(id) && !c.IsImported).ToListAsync();
        Assert.DoesNotContain(cycles, c => running.Contains(c.Status));
        var ended = Assert.Single(cycles, c => c.Status == ReportingCycleStatus.Cancelled);
        Assert.Equal("De motie is vervallen: Opgegaan in de motie Jeugdhulp 2027", ended.Journal[^1].Reason);
    }

    [Fact]
    public async Task A_recurring_motion_cannot_be_reported_before_its_end_date()
    {
        using var hoenderkamp = await app.SignedInClientAsync("wethouder.hoenderkamp@maastricht.demo");
        var (id, version) = await Read(hoenderkamp, "M-2021-047");
        using var response = await hoenderkamp.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Report", reason = "2026.00001", version }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("transition_not_allowed", (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_griffie_records_a_deadline_extension_that_stays_in_the_history()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, version) = await Read(griffie, "M-2021-047");
        using var earlier = await griffie.PostAsJsonAsync($"/api/obligations/{id}/deadline-extensions",
            new { newDate = "2029-12-31", reason = "Korter", decidedBy = "Gemeenteraad", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);

        using var extended = await griffie.PostAsJsonAsync($"/api/obligations/{id}/deadline-extensions",
            new { newDate = "2032-12-31", reason = "Landelijke richtlijn verlengd", decidedBy = "Gemeenteraad, 14 oktober 2026", version }, Json);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var overview = await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        Assert.Equal("2032-12-31", overview.GetProperty("endDate").GetString());
        var entry = overview.GetProperty("history").EnumerateArray().First(h => h.GetProperty("what").GetString() == "deadline_extended");
        Assert.Contains("31 december 2030 → 31 december 2032", entry.GetProperty("reason").GetString());
        Assert.Contains("Gemeenteraad, 14 oktober 2026", entry.GetProperty("reason").GetString());

        // The responsible alderman hears of it; a council member who does not follow it does not.
        using var hoenderkamp = await app.SignedInClientAsync("wethouder.hoenderkamp@maastricht.demo");
        var notice = Assert.Single(await NotificationsAsync(hoenderkamp, $"/obligations/{id}"), n => n.GetProperty("subject").GetString()!.StartsWith("Uitstel: M-2021-047", StringComparison.Ordinal));
        Assert.Contains("verschoven naar 31 december 2032 (was 31 december 2030). Reden: Landelijke richtlijn verlengd", notice.GetProperty("body").GetString());
        using var member = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        Assert.DoesNotContain(await NotificationsAsync(member, $"/obligations/{id}"), n => n.GetProperty("subject").GetString()!.StartsWith("Uitstel:", StringComparison.Ordinal));

        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using var forbidden = await staff.PostAsJsonAsync($"/api/obligations/{id}/deadline-extensions",
            new { newDate = "2033-12-31", reason = "x", decidedBy = "x", version = 99 }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    /// <summary>The open report of an obligation, completed, composed and approved by its aldermen (finalised): the cycle and the letter's reference.</summary>
    private async Task<(Guid Cycle, string Reference)> FinalisedLetterAsync(string obligation, params string[] aldermen)
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, staff, obligation);
        await using (var db = app.Database())
        {
            // The demo has one member of staff: her team drafts this report, whichever team its indicators belong to.
            var team = await db.Users.Where(u => u.Email == Emails.For(Roles.Medewerker)).Select(u => u.TeamId).SingleAsync();
            await db.IndicatorTasks.Where(t => t.CycleId == new ReportingCycleId(cycleId)).ExecuteUpdateAsync(set => set.SetProperty(t => t.TeamId, team!.Value));
        }

        using var composed = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);
        Assert.True(composed.IsSuccessStatusCode, await composed.Content.ReadAsStringAsync());
        var letterId = (await composed.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var draft = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/letters/{letterId}/submit", new { version = draft.GetProperty("version").GetInt32() }, Json)).StatusCode);
        var number = (await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json)).GetProperty("current").GetProperty("number").GetInt32();
        foreach (var email in aldermen)
        {
            using var alderman = await app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await alderman.PostAsJsonAsync("/api/letters/approvals", new { letters = new[] { new { letterId, version = number } } }, Json)).StatusCode);
        }

        var finalised = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        Assert.Equal("Finalised", finalised.GetProperty("status").GetString());
        return (cycleId, finalised.GetProperty("reference").GetString()!);
    }

    private static async Task<IReadOnlyList<JsonElement>> NotificationsAsync(HttpClient client, string link) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/me/notifications?pageSize=100", Json)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == link)];

    private static async Task<(Guid Id, int Version)> Read(HttpClient client, string reference)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/obligations?search={reference}", Json);
        var id = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == reference).GetProperty("id").GetGuid();
        var overview = await client.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        return (id, overview.GetProperty("version").GetInt32());
    }
}
