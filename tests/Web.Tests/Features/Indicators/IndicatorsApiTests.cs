using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Indicators;

public class IndicatorsApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("/api/indicators")]
    [InlineData("/api/indicators/01a21218-8089-71c1-903e-3adc2600f32b")]
    public async Task Without_signing_in_the_catalogue_answers_401(string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Emails.AllRoles), MemberType = typeof(Emails))]
    public async Task Every_role_reads_the_catalogue_of_its_municipality(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/indicators?pageSize=200", Json);
        var codes = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("ARM-KINDEREN", codes);
        Assert.DoesNotContain("VAALS-MANTELZORG", codes);
    }

    [Fact]
    public async Task An_indicator_shows_its_definition_with_baseline_and_target()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/indicators?search=ARM-KINDEREN", Json);
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        var indicator = await client.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}", Json);
        var current = indicator.GetProperty("versions")[0];
        Assert.Equal(9.2m, current.GetProperty("baseline").GetProperty("value").GetDecimal());
        Assert.Equal(4.6m, current.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal(2030, current.GetProperty("target").GetProperty("year").GetInt32());
        Assert.Equal("Percentage", current.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_unknown_indicator_is_a_404_problem()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        using var response = await client.GetAsync($"/api/indicators/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_400_naming_the_field()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        using var response = await client.GetAsync("/api/indicators?pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Json);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/obligations", out _));
        Assert.True(paths.TryGetProperty("/api/indicators/{id}", out _));
    }
}
