using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Regions;

/// <summary>
/// The regional monitor puts the members' shared indicators with the same regional code side by side: Maastricht shares
/// the monitor of "Vinger aan de pols", Vaals one count it links to the same regional code. Both councils' people read
/// it; counts add up to a regional total that says how many members it counts; what was not shared never shows, and a
/// revoked share turns the member's line back into "Niet gedeeld".
/// </summary>
public sealed class RegionalMonitorTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Members_read_each_others_shared_figures_side_by_side_and_nothing_unshared()
    {
        using var beheerder = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        var cooperation = await (await beheerder.PostAsJsonAsync("/api/cooperations", new { name = "Zuid-Limburg Wmo", eachPortfolioHolderApproves = false }, Json))
            .Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = cooperation.GetProperty("id").GetGuid();
        var vaalsId = (await beheerder.GetFromJsonAsync<JsonElement>("/api/cooperations/municipalities", Json)).EnumerateArray()
            .Single(m => m.GetProperty("name").GetString() == "Vaals").GetProperty("id").GetGuid();
        var invited = await (await beheerder.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "Invite", municipalityId = vaalsId, version = cooperation.GetProperty("version").GetInt32() }, Json))
            .Content.ReadFromJsonAsync<JsonElement>(Json);

        // Not yet a member: Vaals does not read the monitor.
        Assert.Equal(HttpStatusCode.NotFound, (await vaals.GetAsync($"/api/regional-monitor/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await vaals.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "Join", version = invited.GetProperty("version").GetInt32() }, Json)).StatusCode);

        // Maastricht shares a monitor; one of its counts with figures is the regional code Vaals reports on.
        var (monitorId, count, periods, unshared) = await MaastrichtAsync();
        Assert.Equal(HttpStatusCode.Created, (await griffie.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, obligationId = monitorId }, Json)).StatusCode);
        var vaalsIndicator = await VaalsCountAsync(new MunicipalityId(vaalsId), periods);
        using var linked = await vaals.PutAsJsonAsync($"/api/indicators/{vaalsIndicator.Id.Value}/region", new { regionalCode = count.Code.ToLowerInvariant(), nationalSource = "CBS StatLine 84908NED", version = vaalsIndicator.Version }, Json);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(count.Code, (await linked.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("regionalKey").GetString());
        using var shared = await vaals.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, indicatorId = vaalsIndicator.Id.Value }, Json);
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);

        // A council member of Maastricht and the griffie of Vaals read the same monitor.
        using var member = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        var monitor = await member.GetFromJsonAsync<JsonElement>($"/api/regional-monitor/{id}?periods=2", Json);
        Assert.Equal(monitor.GetRawText(), (await vaals.GetFromJsonAsync<JsonElement>($"/api/regional-monitor/{id}?periods=2", Json)).GetRawText());
        var codes = monitor.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain(unshared, codes);
        Assert.DoesNotContain("VAALS-MANTELZORG", codes);
        var line = monitor.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == count.Code);
        var rows = line.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("municipality").GetString()!);
        Assert.True(rows["Vaals"].GetProperty("shared").GetBoolean());
        Assert.Equal([10m, 12m], rows["Vaals"].GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal("sterk gestegen", rows["Vaals"].GetProperty("trend").GetString());
        var total = line.GetProperty("total");
        Assert.Equal([2, 2], total.GetProperty("counted").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(
            rows["Maastricht"].GetProperty("values").EnumerateArray().Zip(rows["Vaals"].GetProperty("values").EnumerateArray(), (a, b) => a.GetDecimal() + b.GetDecimal()),
            total.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()));

        // Staff read no monitor; once Vaals revokes, its line says only that it is not shared.
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/regional-monitor/{id}")).StatusCode);
        var share = await shared.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(HttpStatusCode.OK, (await vaals.PostAsJsonAsync($"/api/regional-shares/{share.GetProperty("id").GetGuid()}/revoke", new { version = share.GetProperty("version").GetInt32() }, Json)).StatusCode);
        var after = await member.GetFromJsonAsync<JsonElement>($"/api/regional-monitor/{id}?periods=2", Json);
        var vaalsRow = after.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == count.Code)
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("municipality").GetString() == "Vaals");
        Assert.False(vaalsRow.GetProperty("shared").GetBoolean());
        Assert.Equal("Niet gedeeld", vaalsRow.GetProperty("missing").GetString());
        Assert.All(vaalsRow.GetProperty("values").EnumerateArray(), v => Assert.Equal(JsonValueKind.Null, v.ValueKind));
    }

    [Fact]
    public async Task A_share_computed_from_part_and_whole_averages_weighted_and_a_plain_percentage_has_no_regional_figure()
    {
        using var beheerder = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        var cooperation = await (await beheerder.PostAsJsonAsync("/api/cooperations", new { name = "Wmo Zuid-Limburg", eachPortfolioHolderApproves = false }, Json))
            .Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = cooperation.GetProperty("id").GetGuid();
        var vaalsId = (await beheerder.GetFromJsonAsync<JsonElement>("/api/cooperations/municipalities", Json)).EnumerateArray()
            .Single(m => m.GetProperty("name").GetString() == "Vaals").GetProperty("id").GetGuid();
        var invited = await (await beheerder.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "Invite", municipalityId = vaalsId, version = cooperation.GetProperty("version").GetInt32() }, Json))
            .Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(HttpStatusCode.OK, (await vaals.PostAsJsonAsync($"/api/cooperations/{id}/steps", new { step = "Join", version = invited.GetProperty("version").GetInt32() }, Json)).StatusCode);

        // Maastricht decides 2,660 of 2,834 requests within 8 weeks (93.9 %), Vaals 40 of 50 (80 %): the region 2,700 of 2,884.
        ReportingPeriod[] periods = [ReportingPeriod.Quarter(2025, 3)];
        await using (var db = app.Database())
        {
            var maastricht = (await db.Municipalities.SingleAsync(m => m.Name == "Maastricht")).Id;
            var (mst, plainMst) = await ShareWithFiguresAsync(maastricht, "MST", periods[0], 2660m, 2834m);
            var (vls, plainVls) = await ShareWithFiguresAsync(new MunicipalityId(vaalsId), "VLS", periods[0], 40m, 50m);
            foreach (var (client, ids) in new[] { (griffie, new[] { mst, plainMst }), (vaals, new[] { vls, plainVls }) })
            {
                foreach (var indicator in ids)
                {
                    Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/regional-shares", new { cooperationId = id, indicatorId = indicator.Value }, Json)).StatusCode);
                }
            }
        }

        using var member = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        var monitor = await member.GetFromJsonAsync<JsonElement>($"/api/regional-monitor/{id}", Json);
        var lines = monitor.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        var share = lines["WMO-TIJDIG"];
        Assert.Equal([93.9m, 80.0m], share.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("values")[0].GetDecimal()));
        Assert.Equal("WeightedAverage", share.GetProperty("total").GetProperty("kind").GetString());
        Assert.Equal(decimal.Round(2700m / 2884m * 100, 1), share.GetProperty("total").GetProperty("values")[0].GetDecimal());
        Assert.Equal(2, share.GetProperty("total").GetProperty("counted")[0].GetInt32());

        var plain = lines["WMO-TEVREDEN"];
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("total").ValueKind);
        Assert.Contains("noemers", plain.GetProperty("noTotal").GetString());
    }

    [Fact]
    public async Task Residents_read_on_the_public_page_only_what_each_member_publishes_itself()
    {
        // The demo's cooperation: Maastricht shares its monitor "Doorlooptijden Wmo" and two indicators, each Heuvelland municipality its monitor.
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetStringAsync("/openbaar/vaals/regio");
        Assert.Contains("Maastricht en Heuvelland", page);
        Assert.Contains("Aandeel tijdig afgehandeld", page);
        Assert.Contains("96,3", page);
        Assert.Contains("2.834", page);
        Assert.Contains("Regio gewogen gemiddelde", page);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/openbaar/atlantis/regio")).StatusCode);

        // Maastricht keeps its monitor out of its own register: its figures leave the public regional page, not the members' one.
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        await using (var db = app.Database())
        {
            var monitor = await db.Obligations.IgnoreQueryFilters().SingleAsync(o => o.Reference == "M-2018-112");
            using var hidden = await griffie.PutAsJsonAsync($"/api/obligations/{monitor.Id.Value}/visibility", new { isPublic = false, version = monitor.Version }, Json);
            Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        }

        page = await anonymous.GetStringAsync("/openbaar/vaals/regio");
        Assert.DoesNotContain("2.834", page);
        Assert.Contains("96,3", page);
        using var member = await app.SignedInClientAsync("raadslid@vaals.demo");
        var cooperation = (await member.GetFromJsonAsync<JsonElement>("/api/regional-monitor", Json)).EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "Maastricht en Heuvelland").GetProperty("id").GetGuid();
        Assert.Contains("2834", (await member.GetStringAsync($"/api/regional-monitor/{cooperation}")).Replace(".0", "", StringComparison.Ordinal));
    }

    /// <summary>
    /// Two measured counts, a derived share of them (regional code WMO-TIJDIG) and a percentage handed in as such (WMO-TEVREDEN),
    /// with figures in one period.
    /// </summary>
    private async Task<(IndicatorId Share, IndicatorId Plain)> ShareWithFiguresAsync(MunicipalityId municipality, string prefix, ReportingPeriod period, decimal part, decimal whole)
    {
        await using var db = app.Database();
        var team = await db.Teams.IgnoreQueryFilters().FirstAsync(t => t.MunicipalityId == municipality);
        var now = DateTime.UtcNow;
        Indicator Make(string code, IndicatorKind kind, string? formula = null) => new(municipality, code, new IndicatorSpecification
        {
            Name = code, Definition = code, Kind = kind, Decimals = kind == IndicatorKind.Percentage ? 1 : 0, Source = "Eigen registratie", ResponsibleTeamId = team.Id, Formula = formula,
            Unit = kind == IndicatorKind.Percentage ? "%" : null,
        }, now);
        var partIndicator = Make($"{prefix}-BINNEN-8", IndicatorKind.Count);
        var wholeIndicator = Make($"{prefix}-BESLUITEN", IndicatorKind.Count);
        var share = Make($"{prefix}-TIJDIG", IndicatorKind.Percentage, $"[{prefix}-BINNEN-8] / [{prefix}-BESLUITEN] * 100");
        share.SetRegion("WMO-TIJDIG", null);
        var plain = Make($"{prefix}-TEVREDEN", IndicatorKind.Percentage);
        plain.SetRegion("WMO-TEVREDEN", null);
        db.Indicators.AddRange(partIndicator, wholeIndicator, share, plain);
        var alderman = await db.Aldermen.IgnoreQueryFilters().FirstAsync(a => a.MunicipalityId == municipality);
        var motion = new Motion(municipality, new ObligationDetails
        {
            Reference = $"M-2025-{prefix}",
            Title = "Tijdigheid Wmo",
            Text = "Verzoekt het college elk kwartaal te rapporteren.",
            AdoptedOn = new DateOnly(2024, 1, 16),
            RegisteredOn = new DateOnly(2024, 1, 16),
            Meeting = new Meeting("Gemeenteraad", new DateOnly(2024, 1, 16)),
            ResponsibleAldermen = [alderman.Id],
            PolicyArea = "Wmo",
            Cadence = Cadence.Quarterly,
            ReportingFrom = new DateOnly(2024, 4, 1),
            RequiredIndicators = [new RequiredIndicator(partIndicator.Id, 1, null), new RequiredIndicator(wholeIndicator.Id, 2, null), new RequiredIndicator(plain.Id, 3, null)],
            SubmittingParties = ["Raadsbreed"],
        }, now, "Test");
        db.Obligations.Add(motion);
        var deadlines = new StepDeadlines(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 15), new DateOnly(2026, 1, 22));
        db.ReportingCycles.Add(ReportingCycle.ImportHistory(motion, period, deadlines,
            [(partIndicator.Current, IndicatorValue.OfNumber(part), (string?)"Eigen registratie"), (wholeIndicator.Current, IndicatorValue.OfNumber(whole), "Eigen registratie"),
             (plain.Current, IndicatorValue.OfNumber(75m), "Eigen registratie")], "Test", now));
        await db.SaveChangesAsync();
        return (share.Id, plain.Id);
    }

    /// <summary>A monitor of Maastricht with a count (figures 100 and 110 in two quarters), and an indicator of Maastricht it does not require.</summary>
    private async Task<(Guid Monitor, Indicator Count, IReadOnlyList<ReportingPeriod> Periods, string Unshared)> MaastrichtAsync()
    {
        await using var db = app.Database();
        var maastricht = (await db.Municipalities.SingleAsync(m => m.Name == "Maastricht")).Id;
        var unshared = await db.Indicators.AsNoTracking().Where(i => i.MunicipalityId == maastricht).Select(i => i.Code).FirstAsync();
        ReportingPeriod[] periods = [ReportingPeriod.Quarter(2025, 1), ReportingPeriod.Quarter(2025, 2)];
        var (count, motion) = await CountWithFiguresAsync(maastricht, "MST-WMO-CLIENTEN", "M-2024-201", periods, [100m, 110m]);
        return (motion.Id.Value, count, periods, unshared);
    }

    private async Task<Indicator> VaalsCountAsync(MunicipalityId vaals, IReadOnlyList<ReportingPeriod> periods) =>
        (await CountWithFiguresAsync(vaals, "VAALS-WMO-CLIENTEN", "M-2024-101", periods, [10m, 12m])).Indicator;

    /// <summary>A count of a municipality with handed-in figures in the given periods (a motion of its own requires it).</summary>
    private async Task<(Indicator Indicator, Motion Motion)> CountWithFiguresAsync(
        MunicipalityId municipality, string code, string reference, IReadOnlyList<ReportingPeriod> periods, IReadOnlyList<decimal> values)
    {
        await using var db = app.Database();
        var team = await db.Teams.IgnoreQueryFilters().FirstAsync(t => t.MunicipalityId == municipality);
        var alderman = await db.Aldermen.IgnoreQueryFilters().FirstAsync(a => a.MunicipalityId == municipality);
        var now = DateTime.UtcNow;
        var indicator = new Indicator(municipality, code, new IndicatorSpecification
        {
            Name = "Cliënten Wmo", Definition = "Aantal cliënten met een Wmo-voorziening.", Kind = IndicatorKind.Count, Source = "Eigen registratie", ResponsibleTeamId = team.Id,
        }, now);
        var motion = new Motion(municipality, new ObligationDetails
        {
            Reference = reference,
            Title = "Monitor Wmo",
            Text = "Verzoekt het college elk kwartaal te rapporteren.",
            AdoptedOn = new DateOnly(2024, 1, 16),
            RegisteredOn = new DateOnly(2024, 1, 16),
            Meeting = new Meeting("Gemeenteraad", new DateOnly(2024, 1, 16)),
            ResponsibleAldermen = [alderman.Id],
            PolicyArea = "Wmo",
            Cadence = Cadence.Quarterly,
            ReportingFrom = new DateOnly(2024, 4, 1),
            RequiredIndicators = [new RequiredIndicator(indicator.Id, 1, null)],
            SubmittingParties = ["Raadsbreed"],
        }, now, "Test");
        db.Indicators.Add(indicator);
        db.Obligations.Add(motion);
        var deadlines = new StepDeadlines(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 15), new DateOnly(2026, 1, 22));
        foreach (var (period, value) in periods.Zip(values))
        {
            db.ReportingCycles.Add(ReportingCycle.ImportHistory(motion, period, deadlines, [(indicator.Current, IndicatorValue.OfNumber(value), (string?)"Eigen registratie")], "Test", now));
        }

        await db.SaveChangesAsync();
        return (indicator, motion);
    }
}
