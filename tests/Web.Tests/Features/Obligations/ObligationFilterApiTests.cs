using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Obligations;

/// <summary>The registry's filters on committee, year of adoption and overdue split the list without losing or doubling an item.</summary>
public class ObligationFilterApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<List<string>> ReferencesAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/obligations?pageSize=100&{query}", Json)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!)];

    [Fact]
    public async Task Committee_year_and_overdue_each_split_the_list_into_parts_that_add_up()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var all = await ReferencesAsync(client, "");
        var council = await ReferencesAsync(client, "committee=Gemeenteraad");
        var domain = await ReferencesAsync(client, "committee=Domeinvergadering%20Sociaal");
        Assert.NotEmpty(council);
        Assert.NotEmpty(domain);
        Assert.Equal(all.Order(), council.Concat(domain).Order());

        var overdue = await ReferencesAsync(client, "overdue=true");
        var notOverdue = await ReferencesAsync(client, "overdue=false");
        Assert.Equal(all.Order(), overdue.Concat(notOverdue).Order());

        var adopted2021 = await ReferencesAsync(client, "adoptedFrom=2021-01-01&adoptedTo=2021-12-31");
        Assert.Contains("M-2021-047", adopted2021);
        Assert.All(adopted2021, r => Assert.Contains("2021", r));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_400_naming_the_field()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        using var response = await client.GetAsync("/api/obligations?adoptedFrom=2022-01-01&adoptedTo=2021-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("adoptedTo", out _));
    }
}
