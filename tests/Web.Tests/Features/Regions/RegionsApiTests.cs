using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Regions;

/// <summary>
/// Cooperations and shares keep the boundary between municipalities: Maastricht's beheerder records a cooperation and
/// invites Vaals; Vaals is a member only once it joins itself; each shares only its own indicators, only while a
/// member; a share of the other municipality answers 404; leaving revokes what was shared; every step is in the audit log.
/// </summary>
public sealed class RegionsApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_cooperation_is_joined_by_each_municipality_itself_and_each_shares_only_its_own_while_a_member()
    {
        using var beheerder = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));

        // What this test does is in the audit log from now on (the demo recorded its own cooperation before).
        var started = DateTime.UtcNow;
        using var created = await beheerder.PostAsJsonAsync("/api/cooperations", new { name = "Zuid-Limburg", eachPortfolioHolderApproves = false }, Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cooperation = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = cooperation.GetProperty("id").GetGuid();
        var municipalities = await beheerder.GetFromJsonAsync<JsonElement>("/api/cooperations/municipalities", Json);
        var vaalsId = municipalities.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Vaals").GetProperty("id").GetGuid();

        // Not invited: Vaals does not see it, and cannot join it.
        Assert.DoesNotContain((await vaals.GetFromJsonAsync<JsonElement>("/api/cooperations", Json)).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await Step(vaals, id, "Join", null, 1)).StatusCode);

        // Only the beheerder invites; the griffie may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await Step(griffie, id, "Invite", vaalsId, cooperation.GetProperty("version").GetInt32())).StatusCode);
        using var invited = await Step(beheerder, id, "Invite", vaalsId, cooperation.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var seen = (await vaals.GetFromJsonAsync<JsonElement>("/api/cooperations", Json)).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("Invited", seen.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("isYou").GetBoolean()).GetProperty("state").GetString());

        // Invited is not a member: nothing is shared yet.
        await using var db = app.Database();
        var vaalsIndicator = await db.Indicators.IgnoreQueryFilters().FirstAsync(i => i.MunicipalityId == new Domain.Municipalities.MunicipalityId(vaalsId));
        var maastrichtIndicator = await db.Indicators.IgnoreQueryFilters().FirstAsync(i => i.MunicipalityId != new Domain.Municipalities.MunicipalityId(vaalsId));
        Assert.Equal(HttpStatusCode.NotFound, (await vaals.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, indicatorId = vaalsIndicator.Id.Value }, Json)).StatusCode);

        using var joined = await Step(vaals, id, "Join", null, seen.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);

        // A member shares its own indicator; another municipality's indicator is not found; the same twice is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await vaals.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, indicatorId = maastrichtIndicator.Id.Value }, Json)).StatusCode);
        using var shared = await vaals.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, indicatorId = vaalsIndicator.Id.Value }, Json);
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var share = await shared.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(HttpStatusCode.BadRequest, (await vaals.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, indicatorId = vaalsIndicator.Id.Value }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await vaals.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id }, Json)).StatusCode);

        // Maastricht does not see Vaals's shares, and cannot revoke one.
        Assert.DoesNotContain((await griffie.GetFromJsonAsync<JsonElement>("/api/regional-shares", Json)).EnumerateArray(), s => s.GetProperty("id").GetGuid() == share.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await griffie.PostAsJsonAsync($"/api/regional-shares/{share.GetProperty("id").GetGuid()}/revoke", new { version = share.GetProperty("version").GetInt32() }, Json)).StatusCode);

        // Staff and council members decide nothing about sharing.
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/regional-shares")).StatusCode);
        using var member = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, indicatorId = maastrichtIndicator.Id.Value }, Json)).StatusCode);

        // Leaving revokes what Vaals shared; the share stays on record with who and when.
        var now = (await vaals.GetFromJsonAsync<JsonElement>("/api/cooperations", Json)).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        using var left = await Step(vaals, id, "Leave", null, now.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var record = Assert.Single((await vaals.GetFromJsonAsync<JsonElement>("/api/regional-shares", Json)).EnumerateArray(), s => s.GetProperty("cooperationId").GetGuid() == id);
        Assert.Equal("Elke Schmitz", record.GetProperty("revokedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, record.GetProperty("revokedAtUtc").ValueKind);
        Assert.DoesNotContain((await vaals.GetFromJsonAsync<JsonElement>("/api/cooperations", Json)).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);

        await using var after = app.Database();
        var actions = await after.AuditLog.IgnoreQueryFilters().Where(a => a.AtUtc >= started).Where(a => a.Action == AuditAction.CooperationCreated || a.Action == AuditAction.CooperationChanged
            || a.Action == AuditAction.RegionalShareGiven || a.Action == AuditAction.RegionalShareRevoked).Select(a => a.Action).ToListAsync();
        Assert.Equal(1, actions.Count(a => a == AuditAction.CooperationCreated));
        Assert.Equal(3, actions.Count(a => a == AuditAction.CooperationChanged));
        Assert.Equal(1, actions.Count(a => a == AuditAction.RegionalShareGiven));
        Assert.Equal(1, actions.Count(a => a == AuditAction.RegionalShareRevoked));
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, Guid id, string step, Guid? municipalityId, int version) =>
        client.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step, municipalityId, version }, Json);
}
