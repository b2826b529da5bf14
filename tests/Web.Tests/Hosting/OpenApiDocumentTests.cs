using System.Net.Http.Json;
using System.Text.Json;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Hosting;

/// <summary>
/// The served OpenAPI document declares every answer an operation can give, so a client (or a fuzzer) can rely on
/// it: a success answer, and the problems in RFC 7807 form with an example, by what the operation takes and does.
/// </summary>
public sealed class OpenApiDocumentTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Every_operation_declares_its_success_and_every_problem_it_can_answer_with_an_example()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Json);
        var missing = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var responses = operation.Value.GetProperty("responses");
                var declared = responses.EnumerateObject().Select(r => r.Name).ToHashSet();
                // Open data needs no sign-in and says so; everything else may answer 401 and 403.
                var open = path.Name.StartsWith("/api/open/", StringComparison.Ordinal);
                List<string> expected = open ? [] : ["401", "403"];
                if (open && (!operation.Value.TryGetProperty("security", out var security) || security.GetArrayLength() != 0 || declared.Contains("401")))
                {
                    missing.Add($"{name}: open data that asks for sign-in");
                }

                if (path.Name.Contains('{', StringComparison.Ordinal))
                {
                    expected.Add("404");
                }

                if (operation.Name != "get")
                {
                    expected.AddRange(["400", "409", "422"]);
                }

                missing.AddRange(expected.Where(s => !declared.Contains(s)).Select(s => $"{name}: no {s}"));
                if (!declared.Any(s => s.StartsWith('2')))
                {
                    missing.Add($"{name}: no success answer");
                }

                foreach (var problem in responses.EnumerateObject().Where(r => r.Name[0] is '4'))
                {
                    if (!problem.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var media)
                        || !media.TryGetProperty("example", out var example) || example.GetProperty("status").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) != problem.Name)
                    {
                        missing.Add($"{name}: {problem.Name} is not problem details with an example");
                    }
                }
            }
        }

        Assert.True(operations > 50, $"only {operations} operations");
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public async Task The_document_names_both_ways_to_sign_in_and_describes_its_tags()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Json);

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal(2, document.GetProperty("security").GetArrayLength());
        Assert.All(document.GetProperty("tags").EnumerateArray(), tag => Assert.False(string.IsNullOrWhiteSpace(tag.GetProperty("description").GetString())));
    }

    [Fact]
    public async Task A_typed_success_answer_declares_its_body()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Json);

        var getObligation = document.GetProperty("paths").GetProperty("/api/obligations/{id}").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(getObligation.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        var register = document.GetProperty("paths").GetProperty("/api/obligations").GetProperty("post").GetProperty("responses");
        Assert.True(register.TryGetProperty("201", out _));
    }
}
