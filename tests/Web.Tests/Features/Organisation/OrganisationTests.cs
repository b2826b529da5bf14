using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Governance.Web.Tests.Support.AccountFlows;

namespace Governance.Web.Tests.Features.Organisation;

/// <summary>Teams (Beheerder), the college and the committees (Griffie and Beheerder), kept over the API with the rules of the pages.</summary>
public sealed class OrganisationTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task A_team_is_created_renamed_with_its_version_and_retired_only_once_it_has_no_active_members()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var created = await admin.PostAsJsonAsync("/api/admin/teams", new { name = "Wijkteams" }, Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var team = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = team.GetProperty("id").GetGuid();

        using var duplicate = await admin.PostAsJsonAsync("/api/admin/teams", new { name = "Wijkteams" }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        using var renamed = await admin.PutAsJsonAsync($"/api/admin/teams/{id}", new { name = "Wijkteams Zuid", version = team.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        using var stale = await admin.PutAsJsonAsync($"/api/admin/teams/{id}", new { name = "Wijkteams Noord", version = team.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var member = await InviteAsync(admin, "wijk@maastricht.test", "Wijk Medewerker", [Roles.Medewerker], id);
        using var refused = await admin.PostAsync($"/api/admin/teams/{id}/retirement", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("nog 1 actieve medewerker", await refused.Content.ReadAsStringAsync());

        (await admin.PostAsync($"/api/admin/users/{member}/deactivation", null)).Dispose();
        using var retired = await admin.PostAsync($"/api/admin/teams/{id}/retirement", null);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await retired.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("retiredOn").ValueKind);
        using var invite = await admin.PostAsJsonAsync("/api/admin/users", new { email = "te.laat@maastricht.test", displayName = "Te Laat", roles = new[] { Roles.Medewerker }, teamId = id }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, invite.StatusCode);

        await using var db = app.Database();
        var lines = await db.AuditLog.Where(a => a.Subject.StartsWith("Wijkteams")).OrderBy(a => a.Id).Select(a => new { a.Action, a.Details }).ToListAsync();
        Assert.Equal([AuditAction.TeamCreated, AuditAction.TeamChanged, AuditAction.TeamRetired], lines.Select(l => l.Action));
        Assert.Equal("Naam: Wijkteams → Wijkteams Zuid", lines[1].Details);
    }

    [Fact]
    public async Task After_elections_the_open_obligations_of_a_leaving_alderman_move_to_the_successor_with_a_history_line_each()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var added = await griffie.PostAsJsonAsync("/api/admin/aldermen", new { name = "Nieuwe Wethouder", portfolio = "Wethouder Sociaal Domein", termStart = "2026-06-01" }, Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var successor = (await added.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        Guid leaving;
        int open;
        await using (var db = app.Database())
        {
            var hoenderkamp = await db.Aldermen.SingleAsync(a => a.Name == "Jeroen Hoenderkamp");
            leaving = hoenderkamp.Id.Value;
            open = (await db.Obligations.ToListAsync()).Count(o => !o.IsClosed && o.ResponsibleAldermen.Contains(hoenderkamp.Id));
        }

        Assert.True(open > 0, "the demo gives Hoenderkamp open obligations");
        using var handed = await griffie.PostAsJsonAsync($"/api/admin/aldermen/{leaving}/hand-over", new { successorId = successor, lastDay = "2026-05-31" }, Json);

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.Equal(open, (await handed.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("obligations").GetInt32());
        await using var read = app.Database();
        var obligations = await read.Obligations.ToListAsync();
        Assert.DoesNotContain(obligations, o => !o.IsClosed && o.ResponsibleAldermen.Any(a => a.Value == leaving));
        var moved = obligations.Where(o => o.History.Any(h => h.What == "handed_over")).ToList();
        Assert.Equal(open, moved.Count);
        Assert.All(moved, o => Assert.Equal("Jeroen Hoenderkamp → Nieuwe Wethouder", o.History.Last(h => h.What == "handed_over").Reason));
        var hoenderkampAfter = await read.Aldermen.SingleAsync(a => a.Name == "Jeroen Hoenderkamp");
        Assert.Equal(new DateOnly(2026, 5, 31), hoenderkampAfter.TermEnd);
        Assert.Equal(successor, hoenderkampAfter.SucceededBy?.Value);
    }

    [Fact]
    public async Task An_alderman_with_a_term_that_ends_before_it_starts_is_refused_with_the_field_named()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var response = await griffie.PostAsJsonAsync("/api/admin/aldermen", new { name = "Omgekeerd", portfolio = "Wethouder", termStart = "2026-06-01", termEnd = "2026-01-01" }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("termEnd", out _));
    }

    [Fact]
    public async Task Committees_are_added_renamed_and_retired_and_offered_in_the_registration_while_in_use()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var added = await griffie.PostAsJsonAsync("/api/admin/committees", new { name = "Commissie Ruimte" }, Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Contains("Commissie Ruimte", await griffie.GetFromJsonAsync<string[]>("/api/obligations/committees", Json) ?? []);

        using var retired = await griffie.PutAsJsonAsync($"/api/admin/committees/{body.GetProperty("id").GetGuid()}",
            new { name = "Commissie Ruimte", retired = true, version = body.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain("Commissie Ruimte", await griffie.GetFromJsonAsync<string[]>("/api/obligations/committees", Json) ?? []);
    }

    [Fact]
    public async Task A_policy_area_renamed_carries_its_obligations_along_and_once_retired_is_offered_no_more()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var areas = await admin.GetFromJsonAsync<JsonElement>("/api/admin/policy-areas", Json);
        var youth = areas.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Jeugdhulp");
        Assert.True(youth.GetProperty("obligations").GetInt32() > 0, "the demo files obligations under Jeugdhulp");

        using var renamed = await admin.PutAsJsonAsync($"/api/admin/policy-areas/{youth.GetProperty("id").GetGuid()}",
            new { name = "Jeugd en gezin", retired = false, version = youth.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await renamed.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(youth.GetProperty("obligations").GetInt32(), after.GetProperty("obligations").GetInt32());
        await using (var db = app.Database())
        {
            Assert.False(await db.Obligations.AnyAsync(o => o.PolicyArea == "Jeugdhulp"));
        }

        using var added = await admin.PostAsJsonAsync("/api/admin/policy-areas", new { name = "Cultuur" }, Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var culture = await added.Content.ReadFromJsonAsync<JsonElement>(Json);
        using var duplicate = await admin.PostAsJsonAsync("/api/admin/policy-areas", new { name = "Cultuur" }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        using var retired = await admin.PutAsJsonAsync($"/api/admin/policy-areas/{culture.GetProperty("id").GetGuid()}",
            new { name = "Cultuur", retired = true, version = culture.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);

        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Assert.Equal(HttpStatusCode.Forbidden, (await griffie.GetAsync("/api/admin/policy-areas")).StatusCode);
        var offered = await griffie.GetFromJsonAsync<string[]>("/api/obligations/policy-areas", Json) ?? [];
        Assert.Contains("Jeugd en gezin", offered);
        var lines = await (await griffie.GetAsync("/api/obligations?policyArea=Jeugd%20en%20gezin")).Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(youth.GetProperty("obligations").GetInt32(), lines.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData(Roles.Griffie, "/api/admin/teams", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Griffie, "/api/admin/aldermen", HttpStatusCode.OK)]
    [InlineData(Roles.Beheerder, "/api/admin/committees", HttpStatusCode.OK)]
    [InlineData(Roles.Medewerker, "/api/admin/aldermen", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Wethouder, "/api/admin/committees", HttpStatusCode.Forbidden)]
    public async Task Each_part_of_the_organisation_has_its_keepers(string role, string path, HttpStatusCode expected)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        Assert.Equal(expected, (await client.GetAsync(path)).StatusCode);
    }
}
