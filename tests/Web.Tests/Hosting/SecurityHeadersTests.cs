using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.Letters;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Web.Tests.Hosting;

/// <summary>Pages, API answers and downloads carry a policy that runs no inline or foreign script, and the other protective headers.</summary>
public sealed partial class SecurityHeadersTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/cockpit")]
    [InlineData("/letters")]
    public async Task A_page_runs_only_its_own_scripts_and_the_import_map_with_this_answers_nonce(string path)
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));

        using var response = await client.GetAsync(path);

        var policy = Directive(response, "script-src");
        Assert.StartsWith("'self' 'nonce-", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("'none'", Directive(response, "object-src"));
        Assert.Equal("'self'", Directive(response, "base-uri"));
        Assert.Equal("'self'", Directive(response, "frame-ancestors"));
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceIn().Match(policy).Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();
        foreach (Match script in InlineScript().Matches(html))
        {
            Assert.True(script.Value.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), $"{script.Value} lacks the nonce {nonce} of {policy}");
        }

        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Every_answer_gets_a_new_nonce()
    {
        using var client = app.CreateClient();

        using var first = await client.GetAsync("/account/login");
        using var second = await client.GetAsync("/account/login");

        Assert.NotEqual(Directive(first, "script-src"), Directive(second, "script-src"));
    }

    [Fact]
    public async Task An_api_answer_to_a_signed_in_person_loads_nothing_and_is_never_cached()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));

        using var response = await client.GetAsync("/api/obligations");

        Assert.Equal("'none'", Directive(response, "default-src"));
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task A_downloaded_letter_is_sandboxed_and_runs_no_script()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, client, "M-2014-083");
        using var composed = await client.PostAsync($"/api/cycles/{cycleId}/letter", null);
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();

        using var response = await client.GetAsync($"/api/letters/{id}/html");

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.Equal("'none'", Directive(response, "default-src"));
        Assert.DoesNotContain("script-src", policy);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.ToString());
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Over_https_the_browser_is_told_to_keep_to_https()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://governance.maastricht.example") });

        using var response = await client.GetAsync("/account/login");

        Assert.Contains("max-age=", string.Join(' ', response.Headers.GetValues("Strict-Transport-Security")));
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    private static string Directive(HttpResponseMessage response, string name)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directive = policy.Split(';', StringSplitOptions.TrimEntries).SingleOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal));
        Assert.True(directive is not null, $"no {name} in {policy}");
        return directive[(name.Length + 1)..];
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceIn();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
