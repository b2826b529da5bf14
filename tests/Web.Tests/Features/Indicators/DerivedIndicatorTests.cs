using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Domain.Accounts;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.Indicators;

/// <summary>
/// An indicator computed from others: defined with a formula checked against the catalogue, never asked for (its inputs
/// are), and in the letter with its parts and its comparisons computed from the inputs' earlier values.
/// </summary>
public class DerivedIndicatorTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_share_computed_from_two_counts_asks_for_the_counts_and_the_letter_shows_it_with_its_parts_and_comparison()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Guid team;
        await using (var users = app.Database())
        {
            // The staff member who composes the letter is of the team that hands in the counts.
            team = (await users.Users.Where(u => u.Email == Emails.For(Roles.Medewerker)).Select(u => u.TeamId).SingleAsync())!.Value.Value;
        }

        await DefineAsync(griffie, team, "DRV-BINNEN", "Wmo-besluiten binnen 8 weken", "Count", "besluiten");
        await DefineAsync(griffie, team, "DRV-BESLUITEN", "Wmo-besluiten", "Count", "besluiten");
        var share = await DefineAsync(griffie, team, "DRV-TIJDIG", "Tijdig beslist", "Percentage", null, " [drv-binnen] / [drv-besluiten]*100 ");

        var read = await griffie.GetFromJsonAsync<JsonElement>($"/api/indicators/{share}", Json);
        Assert.Equal("[DRV-BINNEN] / [DRV-BESLUITEN] * 100", read.GetProperty("versions")[0].GetProperty("formula").GetString());

        var motion = new JsonObject
        {
            ["kind"] = "Motion", ["reference"] = "M-2025-DRV", ["title"] = "Tijdig beslissen in de Wmo",
            ["text"] = "Verzoekt het college jaarlijks te rapporteren hoeveel Wmo-aanvragen binnen 8 weken zijn besloten.",
            ["adoptedOn"] = "2024-11-11", ["meetingBody"] = "Gemeenteraad", ["meetingDate"] = "2024-11-11",
            ["aldermanIds"] = new JsonArray((await griffie.GetFromJsonAsync<JsonElement>("/api/obligations/aldermen", Json))[0].GetProperty("id").GetGuid()),
            ["policyArea"] = "Wmo", ["cadence"] = "Yearly", ["reportingFrom"] = "2025-01-01", ["endDate"] = "2027-12-31",
            ["indicators"] = new JsonArray(new JsonObject { ["indicatorId"] = share, ["label"] = "a" }),
            ["submittingParties"] = new JsonArray("PvdA"),
            // Brought over from the list kept before, as the clock below (February 2026) needs.
            ["registeredOn"] = "2024-11-11",
        };
        using var registered = await griffie.PostAsJsonAsync("/api/obligations", motion, Json);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var obligation = (await registered.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();

        // The earlier monitor gave the counts: they are brought over for the share, which is computed from them.
        using var history = await griffie.PostAsJsonAsync($"/api/obligations/{obligation}/history", new
        {
            period = "2024",
            values = new object[] { new { indicatorCode = "DRV-BINNEN", number = 2500m }, new { indicatorCode = "DRV-BESLUITEN", number = 2800m } },
        }, Json);
        Assert.True(history.StatusCode == HttpStatusCode.Created, await history.Content.ReadAsStringAsync());

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenReportingCyclesCommand(new DateOnly(2026, 2, 15)));
        }

        await using (var db = app.Database())
        {
            var codes = await db.Indicators.Where(i => i.Code.StartsWith("DRV-")).ToDictionaryAsync(i => i.Id, i => i.Code);
            var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values)
                .SingleAsync(c => c.ObligationId == new Domain.Obligations.ObligationId(obligation) && c.Period == ReportingPeriod.FullYear(2025));
            Assert.Equal(["DRV-BESLUITEN", "DRV-BINNEN"], cycle.Tasks.Select(t => codes[t.IndicatorId]).Order());
            foreach (var task in cycle.Tasks)
            {
                var definition = await db.IndicatorDefinitions.SingleAsync(d => d.IndicatorId == task.IndicatorId);
                Assert.True(task.Record(definition, IndicatorValue.OfNumber(codes[task.IndicatorId] == "DRV-BINNEN" ? 2660 : 2834), null, null, "Sanne Peeters", DateTime.UtcNow).Succeeded);
                Assert.True(new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Submit).Succeeded);
            }

            var flow = new ReportingCycleWorkflow(cycle, DateTime.UtcNow, "Sanne Peeters");
            flow.Fire(ReportingCycleWorkflow.Trigger.StartCollecting);
            Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.Complete).Succeeded);
            await db.SaveChangesAsync();

            using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
            using var composed = await staff.PostAsync($"/api/cycles/{cycle.Id.Value}/letter", null);
            Assert.True(composed.StatusCode == HttpStatusCode.OK, await composed.Content.ReadAsStringAsync());
            var body = (await staff.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycle.Id.Value}/letter", Json)).GetProperty("current").GetProperty("body").GetString()!;

            Assert.Contains("## Tijdig beslist", body);
            Assert.Contains("**93,9\u00a0%** (2.660 van de 2.834\u00a0besluiten).", body);
            Assert.Contains("Ten opzichte van 2024 (89,3\u00a0%)", body);
            Assert.Contains("+4,6\u00a0procentpunten", body);
            // The counts were asked for the share only: they are not items of their own.
            Assert.DoesNotContain("## Wmo-besluiten", body);
        }
    }

    [Fact]
    public async Task A_formula_that_reads_what_is_not_there_or_leads_back_to_itself_is_refused_with_the_field_named()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var team = (await griffie.GetFromJsonAsync<JsonElement>("/api/teams", Json))[0].GetProperty("id").GetGuid();
        var count = await DefineAsync(griffie, team, "FRM-AANTAL", "Aantal", "Count", null);
        await DefineAsync(griffie, team, "FRM-TEKST", "Toelichting", "Narrative", null);

        async Task<string> RefusedAsync(string formula, string code = "FRM-NIEUW")
        {
            using var response = await griffie.PostAsJsonAsync("/api/indicators", Body(team, code, "Nieuw", "Count", null, formula), Json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("formula")[0].GetString()!;
        }

        Assert.Equal("[FRM-ONBEKEND]: er is geen indicator met code FRM-ONBEKEND.", await RefusedAsync("[FRM-ONBEKEND] * 2"));
        Assert.Equal("[FRM-TEKST]: FRM-TEKST is een tekst; daarmee wordt niet gerekend.", await RefusedAsync("[FRM-TEKST] + 1"));
        Assert.Equal("[FRM-AANTAL:Jong]: FRM-AANTAL is geen uitsplitsing; laat de categorie weg.", await RefusedAsync("[FRM-AANTAL:Jong] + 1"));
        Assert.Equal("[FRM-NIEUW]: een indicator wordt niet uit zichzelf berekend.", await RefusedAsync("[FRM-NIEUW] + 1"));
        Assert.StartsWith("Aan het eind van de formule", await RefusedAsync("[FRM-AANTAL] +"));

        // Two derived indicators may not read each other in a circle.
        var doubled = await DefineAsync(griffie, team, "FRM-DUBBEL", "Dubbel", "Count", null, "[FRM-AANTAL] * 2");
        var version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/indicators/{count}", Json)).GetProperty("version").GetInt32();
        var circle = Body(team, null, "Aantal", "Count", null, "[FRM-DUBBEL] / 2");
        circle["version"] = version;
        using var revised = await griffie.PutAsJsonAsync($"/api/indicators/{count}", circle, Json);
        Assert.Equal(HttpStatusCode.BadRequest, revised.StatusCode);
        Assert.Contains("terug naar deze indicator", (await revised.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("formula")[0].GetString());

        // What a formula reads stays in use while the formula does.
        using var retired = await griffie.PostAsync($"/api/indicators/{count}/retirement", null);
        Assert.False(retired.IsSuccessStatusCode);
        Assert.Contains("FRM-DUBBEL", await retired.Content.ReadAsStringAsync());

        await using var db = app.Database();
        Assert.False(await db.Indicators.AnyAsync(i => i.Code == "FRM-NIEUW"));
        Assert.Null((await db.Indicators.Include(i => i.Definitions).SingleAsync(i => i.Id == new IndicatorId(count))).Current.Formula);
        Assert.NotEqual(Guid.Empty, doubled);
    }

    private static JsonObject Body(Guid team, string? code, string name, string kind, string? unit, string? formula = null) => new()
    {
        ["code"] = code, ["name"] = name, ["definition"] = name + ", zoals geregistreerd.", ["kind"] = kind, ["unit"] = unit,
        ["decimals"] = kind == "Percentage" ? 1 : 0, ["source"] = "Wmo-registratie", ["responsibleTeamId"] = team, ["formula"] = formula,
    };

    private static async Task<Guid> DefineAsync(HttpClient client, Guid team, string code, string name, string kind, string? unit, string? formula = null)
    {
        using var response = await client.PostAsJsonAsync("/api/indicators", Body(team, code, name, kind, unit, formula), Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }
}
