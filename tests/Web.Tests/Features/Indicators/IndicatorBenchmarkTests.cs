using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Indicators;

/// <summary>A figure set beside the same measure elsewhere (the national figure): the benchmark must be a figure of the same kind in the catalogue.</summary>
public class IndicatorBenchmarkTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_benchmark_that_is_missing_or_measures_another_kind_is_refused_and_a_fitting_one_is_kept_with_the_caveat()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var team = (await griffie.GetFromJsonAsync<JsonElement>("/api/teams", Json))[0].GetProperty("id").GetGuid();
        object Body(string code, string kind, string? benchmark, string? caveat = null) => new
        {
            code, name = code, definition = "Aandeel jeugdigen met jeugdhulp.", kind, decimals = kind == "Percentage" ? 1 : 0, source = "CBS",
            responsibleTeamId = team, benchmark, caveat,
        };

        using var national = await griffie.PostAsJsonAsync("/api/indicators", Body("BM-NL", "Percentage", null), Json);
        Assert.Equal(HttpStatusCode.Created, national.StatusCode);
        using var count = await griffie.PostAsJsonAsync("/api/indicators", Body("BM-AANTAL-NL", "Count", null), Json);
        Assert.Equal(HttpStatusCode.Created, count.StatusCode);

        async Task<string> RefusedAsync(object body)
        {
            using var response = await griffie.PostAsJsonAsync("/api/indicators", body, Json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("benchmark")[0].GetString()!;
        }

        Assert.Equal("Er is geen indicator met code BM-ONBEKEND.", await RefusedAsync(Body("BM-MST", "Percentage", "bm-onbekend")));
        Assert.Equal("BM-AANTAL-NL is geen percentage; een vergelijkingscijfer meet hetzelfde soort getal.", await RefusedAsync(Body("BM-MST", "Percentage", "BM-AANTAL-NL")));
        Assert.Equal("Een indicator wordt niet met zichzelf vergeleken.", await RefusedAsync(Body("BM-MST", "Percentage", "BM-MST")));

        const string Caveat = "De registratie verschilt per gemeente; de cijfers zijn niet zonder meer te vergelijken.";
        using var kept = await griffie.PostAsJsonAsync("/api/indicators", Body("BM-MST", "Percentage", "bm-nl", Caveat), Json);
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        var id = (await kept.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}", Json)).GetProperty("versions")[0];
        Assert.Equal(("BM-NL", Caveat), (version.GetProperty("benchmark").GetString(), version.GetProperty("caveat").GetString()));

        // The national figure stays in use while a figure is set beside it.
        var nationalId = (await national.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        using var retired = await griffie.PostAsync($"/api/indicators/{nationalId}/retirement", null);
        Assert.False(retired.IsSuccessStatusCode);
        Assert.Contains("BM-MST", await retired.Content.ReadAsStringAsync());
        await using var db = app.Database();
        Assert.False(await db.Indicators.AnyAsync(i => i.Code == "BM-NL" && i.RetiredOn != null));
    }
}
