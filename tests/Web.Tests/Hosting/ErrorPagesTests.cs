using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Hosting;

/// <summary>A person in the browser gets a page in Dutch when something is not there or fails; the API answers in problem details.</summary>
public sealed class ErrorPagesTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task A_signed_in_person_gets_the_dutch_not_found_page_and_a_program_gets_problem_details()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));

        using var page = await griffie.GetAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Niet gevonden", html);
        Assert.DoesNotContain("\"status\":404", html);

        using var api = await griffie.GetAsync("/api/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        using var cycle = await griffie.GetAsync($"/api/cycles/{Guid.NewGuid()}");
        var problem = await cycle.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("De rapportage is niet gevonden.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_error_page_says_in_dutch_that_nothing_was_half_saved()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var html = await griffie.GetStringAsync("/error");
        Assert.Contains("Er ging iets mis", html);
        Assert.Contains("Er is niets half opgeslagen", html);
    }
}
