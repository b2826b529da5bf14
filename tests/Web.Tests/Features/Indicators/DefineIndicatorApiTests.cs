using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Indicators;

public class DefineIndicatorApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<Guid> TeamAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/teams", Json)).EnumerateArray().First(t => t.GetProperty("name").GetString() == "Onderzoek en Statistiek").GetProperty("id").GetGuid();

    [Fact]
    public async Task The_griffie_defines_an_indicator_and_it_is_in_the_catalogue_with_its_code_in_capitals()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var team = await TeamAsync(client);
        using var response = await client.PostAsJsonAsync("/api/indicators", new
        {
            code = "toeg-deuren", name = "Automatische deuren", definition = "Aantal automatische deuren bij publieksingangen.",
            kind = "Count", unit = "deuren", source = "Facilitair beheer", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/indicators?search=TOEG-DEUREN", Json);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("Automatische deuren", "deuren"), (item.GetProperty("name").GetString(), item.GetProperty("unit").GetString()));

        using var again = await client.PostAsJsonAsync("/api/indicators", new
        {
            code = "TOEG-DEUREN", name = "Dubbel", definition = "Dubbel", kind = "Count", source = "X", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("TOEG-DEUREN", (await again.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task A_breakdown_without_categories_or_a_count_with_decimals_is_a_400_and_nothing_is_stored()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var team = await TeamAsync(client);
        using var breakdown = await client.PostAsJsonAsync("/api/indicators", new
        {
            code = "BAD-1", name = "Zonder categorieën", definition = "x", kind = "Breakdown", source = "x", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, breakdown.StatusCode);
        Assert.True((await breakdown.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("categories", out _));
        using var count = await client.PostAsJsonAsync("/api/indicators", new
        {
            code = "BAD-2", name = "Halve mensen", definition = "x", kind = "Count", decimals = 1, source = "x", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, count.StatusCode);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/indicators?search=BAD-", Json);
        Assert.Equal(0, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_budget_line_needs_three_categories_in_euros_and_millions_only_euros()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var team = await TeamAsync(client);
        using var twoParts = await client.PostAsJsonAsync("/api/indicators", new
        {
            code = "BUDGET-1", name = "Budget Jeugd", definition = "x", kind = "Breakdown", unit = "EUR", nature = "Budget",
            categories = new[] { "Begroot", "Gerealiseerd" }, source = "x", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, twoParts.StatusCode);
        Assert.Contains("drie categorieën", (await twoParts.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("categories")[0].GetString());
        using var millionsOfPeople = await client.PostAsJsonAsync("/api/indicators", new
        {
            code = "BUDGET-2", name = "Inwoners", definition = "x", kind = "Count", unit = "inwoners", inMillions = true, source = "x", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, millionsOfPeople.StatusCode);
        Assert.True((await millionsOfPeople.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("inMillions", out _));

        using var budget = await client.PostAsJsonAsync("/api/indicators", new
        {
            code = "BUDGET-3", name = "Budget Jeugd", definition = "x", kind = "Breakdown", unit = "EUR", nature = "Budget", inMillions = true,
            categories = new[] { "Begroot", "Gerealiseerd", "Verwachte uitputting" }, source = "x", responsibleTeamId = team,
        }, Json);
        Assert.Equal(HttpStatusCode.Created, budget.StatusCode);
        var id = (await budget.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}", Json);
        var current = details.GetProperty("versions")[0];
        Assert.Equal(("Budget", true), (current.GetProperty("nature").GetString(), current.GetProperty("inMillions").GetBoolean()));
    }

    [Theory]
    [InlineData(Roles.Medewerker)]
    [InlineData(Roles.Teamleider)]
    [InlineData(Roles.Wethouder)]
    [InlineData(Roles.Raadslid)]
    public async Task Other_roles_do_not_define_indicators(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        using var response = await client.PostAsJsonAsync("/api/indicators", new { code = "X-1", name = "x", definition = "x", kind = "Count", source = "x", responsibleTeamId = Guid.NewGuid() }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
