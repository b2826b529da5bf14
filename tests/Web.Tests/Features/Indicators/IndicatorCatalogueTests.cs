using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Indicators;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.Indicators;

/// <summary>The catalogue kept over time: a changed definition is a new version, with baseline and target; a retired indicator is asked for no more.</summary>
public class IndicatorCatalogueTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_changed_definition_is_a_new_version_with_its_baseline_and_target_and_the_old_version_stays()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, team) = await DefineAsync(griffie, "REV-WACHTTIJD");
        var before = await griffie.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}", Json);

        using var revised = await griffie.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version = before.GetProperty("version").GetInt32(), name = "Gemiddelde wachttijd Wmo", definition = "Dagen tussen melding en beschikking, gemiddeld.",
            kind = "Duration", unit = "dagen", decimals = 1, source = "Suite4Sociaal Domein", responsibleTeamId = team, goodDirection = "Down",
            baselineValue = 42.5m, baselineMeasuredOn = "2024-12-31", targetValue = 28m, targetYear = 2027,
        }, Json);

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(2, (await revised.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("definitionVersion").GetInt32());
        var after = await griffie.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}", Json);
        var versions = after.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(42.5m, versions[0].GetProperty("baseline").GetProperty("value").GetDecimal());
        Assert.Equal(2027, versions[0].GetProperty("target").GetProperty("year").GetInt32());
        Assert.Equal("Wachttijd", versions[1].GetProperty("name").GetString());

        using var stale = await griffie.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version = before.GetProperty("version").GetInt32(), name = "Overschreven", definition = "X", kind = "Duration", source = "X", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using var db = app.Database();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditAction.IndicatorChanged && a.Subject.StartsWith("REV-WACHTTIJD"));
        Assert.Contains("Naam: Wachttijd → Gemiddelde wachttijd Wmo", audit.Details);
        Assert.Contains("Streefwaarde: – → 28 in 2027", audit.Details);
    }

    [Fact]
    public async Task A_baseline_without_its_date_or_a_changed_kind_is_refused_with_the_field_named()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, team) = await DefineAsync(griffie, "REV-HALF");
        var version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}", Json)).GetProperty("version").GetInt32();

        using var half = await griffie.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version, name = "Wachttijd", definition = "Dagen.", kind = "Duration", unit = "dagen", source = "Bron", responsibleTeamId = team, baselineValue = 10,
        }, Json);
        using var kind = await griffie.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version, name = "Wachttijd", definition = "Dagen.", kind = "Count", source = "Bron", responsibleTeamId = team,
        }, Json);

        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.True((await half.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("baselineMeasuredOn", out _));
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.True((await kind.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("kind", out _));
        await using var db = app.Database();
        Assert.Single((await db.Indicators.Include(i => i.Definitions).SingleAsync(i => i.Code == "REV-HALF")).Definitions);
    }

    [Fact]
    public async Task A_retired_indicator_leaves_the_pickers_and_stays_in_the_catalogue_until_reinstated()
    {
        using var beheerder = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var (id, _) = await DefineAsync(beheerder, "REV-OUD");

        Assert.Equal(HttpStatusCode.NoContent, (await beheerder.PostAsync($"/api/indicators/{id}/retirement", null)).StatusCode);

        Assert.Empty((await beheerder.GetFromJsonAsync<JsonElement>("/api/indicators?search=REV-OUD", Json)).GetProperty("items").EnumerateArray());
        var all = await beheerder.GetFromJsonAsync<JsonElement>("/api/indicators?search=REV-OUD&includeRetired=true", Json);
        Assert.True(Assert.Single(all.GetProperty("items").EnumerateArray()).GetProperty("retired").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await beheerder.DeleteAsync($"/api/indicators/{id}/retirement")).StatusCode);
        Assert.Single((await beheerder.GetFromJsonAsync<JsonElement>("/api/indicators?search=REV-OUD", Json)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_daily_opening_asks_no_values_of_a_retired_indicator()
    {
        using var _ = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        IndicatorId retired;
        await using (var db = app.Database())
        {
            var recurring = (await db.Obligations.ToListAsync()).First(o => o.Cadence == Domain.Obligations.Cadence.Quarterly && !o.IsClosed);
            retired = recurring.RequiredIndicators[0].IndicatorId;
            var indicator = await db.Indicators.Include(i => i.Definitions).SingleAsync(i => i.Id == retired);
            indicator.Retire(new DateOnly(2026, 1, 1));
            await db.SaveChangesAsync();
        }

        var (retiredBefore, allBefore) = await TaskCountsAsync(retired);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var today = Domain.Planning.MunicipalTime.Today(TimeProvider.System);
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Workflows.ReportingCycles.OpenReportingCyclesCommand(today));
        }

        var (retiredAfter, allAfter) = await TaskCountsAsync(retired);
        Assert.True(allAfter > allBefore, "the opening made tasks for the other indicators");
        Assert.Equal(retiredBefore, retiredAfter);
    }

    private async Task<(int Retired, int All)> TaskCountsAsync(IndicatorId retired)
    {
        await using var db = app.Database();
        return (await db.IndicatorTasks.CountAsync(t => t.IndicatorId == retired), await db.IndicatorTasks.CountAsync());
    }

    private static async Task<(Guid Id, Guid Team)> DefineAsync(HttpClient client, string code)
    {
        var team = (await client.GetFromJsonAsync<JsonElement>("/api/teams", Json)).EnumerateArray().First().GetProperty("id").GetGuid();
        using var response = await client.PostAsJsonAsync("/api/indicators", new
        {
            code, name = "Wachttijd", definition = "Dagen tussen melding en beschikking.", kind = "Duration", unit = "dagen", source = "Suite4Sociaal Domein", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid(), team);
    }
}
