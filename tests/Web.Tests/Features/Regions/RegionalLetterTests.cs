using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Regions;
using Governance.Web.Tests.Support;
using Governance.Workflows.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.Regions;

/// <summary>
/// A regional letter for Maastricht and Vaals, in a cooperation where each portfolio holder approves: composed by
/// Maastricht's griffie from the shared figures, approved by Maastricht's and Vaals's aldermen (a send-back asks both
/// again), then each griffie records the sending to its own council under a number from its own series. The council
/// members of Vaals see it only once it was sent to them; a municipality outside the cooperation never does.
/// </summary>
public sealed class RegionalLetterTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Composed_by_the_lead_approved_by_each_portfolio_holder_and_sent_by_each_griffie_under_its_own_reference()
    {
        using var beheerder = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        using var vaalsAlderman = await app.SignedInClientAsync("wethouder@vaals.demo");
        using var vaalsMember = await app.SignedInClientAsync("raadslid@vaals.demo");
        using var leadAlderman = await app.SignedInClientAsync("wethouder.hoenderkamp@maastricht.demo");
        using var otherAlderman = await app.SignedInClientAsync("wethouder.pas@maastricht.demo");
        using var outsider = await app.SignedInClientAsync("griffie@eijsden-margraten.demo");
        var (cooperation, hoenderkamp) = await CooperationOfMaastrichtAndVaalsAsync(beheerder, griffie, vaals);

        // Only the lead's griffie composes; nothing exists for anyone outside until then.
        Assert.Equal(HttpStatusCode.Forbidden, (await vaals.PostAsJsonAsync("/api/regional-letters", new { cooperationId = cooperation }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync("/api/regional-letters", new { cooperationId = cooperation }, Json)).StatusCode);
        using var composed = await griffie.PostAsJsonAsync("/api/regional-letters", new { cooperationId = cooperation }, Json);
        Assert.Equal(HttpStatusCode.Created, composed.StatusCode);
        var letter = await composed.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = letter.GetProperty("id").GetGuid();
        Assert.Equal("Draft", letter.GetProperty("status").GetString());
        var body = letter.GetProperty("body").GetString()!;
        Assert.Contains("Aan de gemeenteraden van Maastricht en Vaals", body);
        Assert.Contains("| Vaals | 228\u00a0aanvragen | 240\u00a0aanvragen |", body);
        Assert.Contains("**Regio gewogen gemiddelde**", body);
        Assert.DoesNotContain("Eijsden-Margraten", body);

        // Vaals's people read the draft, its council members do not yet, the outsider never; staff have no regional pages.
        Assert.Equal(HttpStatusCode.OK, (await vaals.GetAsync($"/api/regional-letters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vaalsMember.GetAsync($"/api/regional-letters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/regional-letters/{id}")).StatusCode);
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/regional-letters/{id}")).StatusCode);

        // The lead's griffie edits; Vaals's griffie may not; a stale version is a conflict.
        var version = letter.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await vaals.PutAsJsonAsync($"/api/regional-letters/{id}", new { subject = "Ander onderwerp", body, version }, Json)).StatusCode);
        using var edited = await griffie.PutAsJsonAsync($"/api/regional-letters/{id}", new { subject = "Regionale monitor Wmo, stand 2021", body = body + "\nMet dank aan de teams.", version }, Json);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        letter = await edited.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(2, letter.GetProperty("textVersion").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await griffie.PutAsJsonAsync($"/api/regional-letters/{id}", new { subject = "Weer anders", body, version }, Json)).StatusCode);

        // Offered: both portfolio holders approve, and each is told.
        letter = await StepAsync(griffie, id, new { step = "Offer", aldermanId = hoenderkamp, version = letter.GetProperty("version").GetInt32() });
        Assert.Equal("InApproval", letter.GetProperty("status").GetString());
        Assert.Equal(["Maastricht", "Vaals"], letter.GetProperty("approvers").EnumerateArray().Select(a => a.GetProperty("municipality").GetString()));
        Assert.Equal(1, await NoticesAsync(id, "wethouder.hoenderkamp@maastricht.demo", ":offered:"));
        Assert.Equal(1, await NoticesAsync(id, "wethouder@vaals.demo", ":offered:"));
        Assert.Equal(HttpStatusCode.Conflict, (await griffie.PutAsJsonAsync($"/api/regional-letters/{id}", new { subject = "Nu niet", body, version = letter.GetProperty("version").GetInt32() }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAlderman.PostAsJsonAsync($"/api/regional-letters/{id}/steps", new { step = "Approve", version = letter.GetProperty("version").GetInt32() }, Json)).StatusCode);

        // Vaals approves, Maastricht's alderman sends it back: every approval is asked again, the griffie is told why.
        letter = await StepAsync(vaalsAlderman, id, new { step = "Approve", version = letter.GetProperty("version").GetInt32() });
        Assert.True(letter.GetProperty("approvers")[1].GetProperty("approved").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await leadAlderman.PostAsJsonAsync($"/api/regional-letters/{id}/steps", new { step = "SendBack", version = letter.GetProperty("version").GetInt32() }, Json)).StatusCode);
        letter = await StepAsync(leadAlderman, id, new { step = "SendBack", reason = "Noem de bron bij Maastricht.", version = letter.GetProperty("version").GetInt32() });
        Assert.Equal("Draft", letter.GetProperty("status").GetString());
        Assert.Contains("Noem de bron bij Maastricht.", letter.GetProperty("sentBackReason").GetString());
        Assert.Equal(1, await NoticesAsync(id, Emails.For(Roles.Griffie), ":sentback:"));

        letter = await StepAsync(griffie, id, new { step = "Offer", aldermanId = hoenderkamp, version = letter.GetProperty("version").GetInt32() });
        Assert.All(letter.GetProperty("approvers").EnumerateArray(), a => Assert.False(a.GetProperty("approved").GetBoolean()));
        letter = await StepAsync(vaalsAlderman, id, new { step = "Approve", version = letter.GetProperty("version").GetInt32() });
        Assert.Equal("InApproval", letter.GetProperty("status").GetString());
        letter = await StepAsync(leadAlderman, id, new { step = "Approve", version = letter.GetProperty("version").GetInt32() });
        Assert.Equal("Approved", letter.GetProperty("status").GetString());
        Assert.Equal(1, await NoticesAsync(id, Emails.VaalsGriffie, ":approved:"));
        Assert.Equal(1, await NoticesAsync(id, Emails.For(Roles.Griffie), ":approved:"));

        // Each griffie records the sending to its own council, once, dated between the approval and today; each gets its own series' next number.
        var today = Domain.Planning.MunicipalTime.Today(TimeProvider.System);
        Assert.Equal(HttpStatusCode.Forbidden, (await vaalsAlderman.PostAsJsonAsync($"/api/regional-letters/{id}/steps", new { step = "RecordSending", sentOn = today, version = letter.GetProperty("version").GetInt32() }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await vaals.PostAsJsonAsync($"/api/regional-letters/{id}/steps", new { step = "RecordSending", sentOn = today.AddDays(1), version = letter.GetProperty("version").GetInt32() }, Json)).StatusCode);
        var vaalsBefore = await LastReferenceAsync("Vaals");
        var maastrichtBefore = await LastReferenceAsync("Maastricht");
        letter = await StepAsync(vaals, id, new { step = "RecordSending", sentOn = today, documentNumber = "RIS-2026-88", version = letter.GetProperty("version").GetInt32() });
        letter = await StepAsync(griffie, id, new { step = "RecordSending", sentOn = today, version = letter.GetProperty("version").GetInt32() });
        var councils = letter.GetProperty("councils").EnumerateArray().ToDictionary(c => c.GetProperty("municipality").GetString()!);
        Assert.Equal($"{today.Year}.{vaalsBefore + 1:00000}", councils["Vaals"].GetProperty("reference").GetString());
        Assert.Equal("RIS-2026-88", councils["Vaals"].GetProperty("documentNumber").GetString());
        Assert.Equal($"{today.Year}.{maastrichtBefore + 1:00000}", councils["Maastricht"].GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await vaals.PostAsJsonAsync($"/api/regional-letters/{id}/steps", new { step = "RecordSending", sentOn = today, version = letter.GetProperty("version").GetInt32() }, Json)).StatusCode);

        // Now Vaals's council members read it and find it in their list with their own reference; the outsider still does not.
        var read = await vaalsMember.GetFromJsonAsync<JsonElement>($"/api/regional-letters/{id}", Json);
        Assert.Equal("Regionale monitor Wmo, stand 2021", read.GetProperty("subject").GetString());
        Assert.False(read.GetProperty("actions").GetProperty("recordSending").GetBoolean());
        var line = (await vaalsMember.GetFromJsonAsync<JsonElement>("/api/regional-letters", Json)).EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == id);
        Assert.Equal(councils["Vaals"].GetProperty("reference").GetString(), line.GetProperty("yourReference").GetString());
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<JsonElement>("/api/regional-letters", Json)).EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task An_approver_past_the_deadline_is_reminded_once_a_day_and_one_who_approved_is_not()
    {
        using var beheerder = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        using var vaalsAlderman = await app.SignedInClientAsync("wethouder@vaals.demo");
        var (cooperation, hoenderkamp) = await CooperationOfMaastrichtAndVaalsAsync(beheerder, griffie, vaals);
        var letter = await (await griffie.PostAsJsonAsync("/api/regional-letters", new { cooperationId = cooperation }, Json)).Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = letter.GetProperty("id").GetGuid();
        letter = await StepAsync(griffie, id, new { step = "Offer", aldermanId = hoenderkamp, version = letter.GetProperty("version").GetInt32() });
        await StepAsync(vaalsAlderman, id, new { step = "Approve", version = letter.GetProperty("version").GetInt32() });

        await using (var db = app.Database())
        {
            await db.RegionalLetters.Where(l => l.Id == new RegionalLetterId(id)).ExecuteUpdateAsync(l => l.SetProperty(x => x.ApprovalsDue, new DateOnly(2026, 1, 5)));
        }

        // As Hangfire runs it: in a scope of its own, without a signed-in person.
        await using var scope = app.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<RemindRegionalLettersJob>(scope.ServiceProvider);
        Assert.True(await job.ExecuteAsync(CancellationToken.None) >= 1);
        await job.ExecuteAsync(CancellationToken.None);
        Assert.Equal(1, await NoticesAsync(id, "wethouder.hoenderkamp@maastricht.demo", ":remind-offered:"));
        Assert.Equal(0, await NoticesAsync(id, "wethouder@vaals.demo", ":remind-offered:"));
    }

    /// <summary>A cooperation of Maastricht and Vaals where each portfolio holder approves, each sharing its Wmo figures; and Maastricht's alderman for Wmo.</summary>
    private async Task<(Guid Cooperation, Guid LeadAlderman)> CooperationOfMaastrichtAndVaalsAsync(HttpClient beheerder, HttpClient griffie, HttpClient vaals)
    {
        var cooperation = await (await beheerder.PostAsJsonAsync("/api/cooperations", new { name = "Wmo Maastricht-Vaals", eachPortfolioHolderApproves = true }, Json))
            .Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = cooperation.GetProperty("id").GetGuid();
        await using var db = app.Database();
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Name, m => m.Id);
        var invited = await (await beheerder.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "Invite", municipalityId = municipalities["Vaals"].Value, version = cooperation.GetProperty("version").GetInt32() }, Json))
            .Content.ReadFromJsonAsync<JsonElement>(Json);
        var joined = await (await vaals.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "Join", version = invited.GetProperty("version").GetInt32() }, Json))
            .Content.ReadFromJsonAsync<JsonElement>(Json);

        // Without its portfolio holder named, the letter cannot be offered; Vaals names Paul Kohnen (another municipality's alderman is not found).
        var kohnen = await db.Aldermen.IgnoreQueryFilters().Where(a => a.MunicipalityId == municipalities["Vaals"] && a.Name == "Paul Kohnen").Select(a => a.Id.Value).SingleAsync();
        var hoenderkamp = await db.Aldermen.IgnoreQueryFilters().Where(a => a.Name == "Jeroen Hoenderkamp").Select(a => a.Id.Value).SingleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await vaals.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "PortfolioHolder", aldermanId = hoenderkamp, version = joined.GetProperty("version").GetInt32() }, Json)).StatusCode);
        using var named = await vaals.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "PortfolioHolder", aldermanId = kohnen, version = joined.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var lead = (await named.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("members").EnumerateArray().Single(m => m.GetProperty("isYou").GetBoolean());
        Assert.Equal(kohnen, lead.GetProperty("portfolioHolderId").GetGuid());

        var maastrichtMonitor = await db.Obligations.IgnoreQueryFilters().Where(o => o.Reference == "M-2018-112").Select(o => o.Id.Value).SingleAsync();
        var vaalsMonitor = await db.Obligations.IgnoreQueryFilters().Where(o => o.MunicipalityId == municipalities["Vaals"] && o.Reference == "M-2015-012").Select(o => o.Id.Value).SingleAsync();
        Assert.Equal(HttpStatusCode.Created, (await griffie.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, obligationId = maastrichtMonitor }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await vaals.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, obligationId = vaalsMonitor }, Json)).StatusCode);
        return (id, hoenderkamp);
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, Guid id, object step)
    {
        using var response = await client.PostAsJsonAsync($"/api/regional-letters/{id}/steps", step, Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private async Task<int> NoticesAsync(Guid letter, string email, string kind)
    {
        await using var db = app.Database();
        var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var prefix = $"regional-letter:{letter}{kind}";
        return await db.Notifications.IgnoreQueryFilters().CountAsync(n => n.RecipientUserId == user && n.EventKey.StartsWith(prefix));
    }

    private async Task<int> LastReferenceAsync(string municipality)
    {
        await using var db = app.Database();
        var id = await db.Municipalities.Where(m => m.Name == municipality).Select(m => m.Id).SingleAsync();
        var year = Domain.Planning.MunicipalTime.Today(TimeProvider.System).Year;
        return await db.LetterReferenceCounters.IgnoreQueryFilters().Where(c => c.MunicipalityId == id && c.Year == year).Select(c => c.Last).SingleOrDefaultAsync();
    }
}
