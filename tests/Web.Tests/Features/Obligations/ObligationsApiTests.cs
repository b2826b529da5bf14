using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Obligations;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Obligations;

public class ObligationsApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("GET", "/api/obligations")]
    [InlineData("GET", "/api/obligations/01a21218-8089-71c1-903e-3adc2600f32b")]
    [InlineData("GET", "/api/obligations/aldermen")]
    [InlineData("POST", "/api/obligations")]
    [InlineData("PUT", "/api/obligations/01a21218-8089-71c1-903e-3adc2600f32b")]
    public async Task Without_signing_in_every_endpoint_answers_401(string method, string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Emails.AllRoles), MemberType = typeof(Emails))]
    public async Task Every_role_lists_the_obligations_of_its_municipality(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/obligations?pageSize=100", Json);
        var titles = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains("Vinger aan de pols", titles);
        Assert.Contains("Halveren aantal kinderen in armoede 2030", titles);
        Assert.DoesNotContain("Evaluatie mantelzorgondersteuning Vaals", titles);
    }

    [Fact]
    public async Task The_list_filters_searches_sorts_and_pages_on_the_server()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        var motions = await client.GetFromJsonAsync<JsonElement>("/api/obligations?kind=Commitment&pageSize=1&sort=Reference&descending=false", Json);
        Assert.True(motions.GetProperty("totalCount").GetInt32() >= 2);
        Assert.Single(motions.GetProperty("items").EnumerateArray());
        Assert.Equal("T-2024-031", motions.GetProperty("items")[0].GetProperty("reference").GetString());

        var search = await client.GetFromJsonAsync<JsonElement>("/api/obligations?search=KINDPAKKET", Json);
        Assert.Equal("M-2021-047", Assert.Single(search.GetProperty("items").EnumerateArray()).GetProperty("reference").GetString());

        // Without accents and in capitals, as people type: the text says "op één plek".
        var plain = await client.GetFromJsonAsync<JsonElement>("/api/obligations?search=OP%20EEN%20PLEK", Json);
        Assert.Equal("T-2025-118", Assert.Single(plain.GetProperty("items").EnumerateArray()).GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Sorting_by_status_follows_the_lifecycle()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/obligations?sort=Status&descending=false&pageSize=100", Json);
        var order = page.GetProperty("items").EnumerateArray().Select(i => Enum.Parse<ObligationStatus>(i.GetProperty("status").GetString()!)).ToList();
        Assert.Equal(order.OrderBy(s => (int)s), order);
        Assert.Equal(ObligationStatus.Registered, order[0]);
    }

    [Fact]
    public async Task Reading_an_obligation_gives_its_indicators_with_their_latest_values_and_history()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        var id = await IdOf(client, "M-2018-112");
        var overview = await client.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        var share = overview.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "WMO-TIJDIG");
        Assert.Equal(93.9m, share.GetProperty("latestValue").GetProperty("number").GetDecimal());
        Assert.Equal("2021", share.GetProperty("latestPeriod").GetString());
        Assert.Equal(2, overview.GetProperty("cycles").GetArrayLength());
        Assert.NotEmpty(overview.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Another_municipality_cannot_read_the_obligation_it_does_not_own()
    {
        using var maastricht = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var id = await IdOf(maastricht, "M-2021-047");
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        using var response = await vaals.GetAsync($"/api/obligations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_griffie_registers_a_motion_and_reads_it_back()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var response = await client.PostAsJsonAsync("/api/obligations", await ValidMotion(client, "M-2025-201"), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!, Json);
        Assert.Equal("Registered", created.GetProperty("status").GetString());
        Assert.Equal("Motion", created.GetProperty("kind").GetString());
        Assert.Equal(["GroenLinks", "D66"], created.GetProperty("submittingParties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(2, created.GetProperty("indicators").GetArrayLength());
    }

    [Fact]
    public async Task An_indicator_defined_while_registering_is_created_with_the_obligation_and_not_when_the_registration_fails()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var teams = await client.GetFromJsonAsync<JsonElement>("/api/teams", Json);
        var key = Guid.NewGuid();
        System.Text.Json.Nodes.JsonObject Defined(string reference)
        {
            var motion = ValidMotion(client, reference).GetAwaiter().GetResult();
            motion["indicators"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["indicatorId"] = key, ["label"] = "c" });
            motion["newIndicators"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["key"] = key,
                ["definition"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["code"] = "wmo-wachttijd-nieuw", ["name"] = "Wachttijd Wmo", ["definition"] = "Gemiddelde wachttijd in dagen.", ["kind"] = "Count",
                    ["source"] = "Wmo-registratie", ["responsibleTeamId"] = teams[0].GetProperty("id").GetGuid(),
                },
            });
            return motion;
        }

        var failing = Defined("M-2025-202");
        failing["meetingBody"] = "";
        using var refused = await client.PostAsJsonAsync("/api/obligations", failing, Json);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await using (var db = app.Database())
        {
            Assert.False(await db.Indicators.AnyAsync(i => i.Code == "WMO-WACHTTIJD-NIEUW"), "nothing is created while the obligation is not saved");
        }

        using var response = await client.PostAsJsonAsync("/api/obligations", Defined("M-2025-202"), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!, Json);
        var asked = created.GetProperty("indicators").EnumerateArray().Select(i => (i.GetProperty("code").GetString(), i.GetProperty("label").GetString())).ToList();
        Assert.Contains(("WMO-WACHTTIJD-NIEUW", "c"), asked);

        using var again = await client.PostAsJsonAsync("/api/obligations", Defined("M-2025-203"), Json);
        var problem = await AssertProblem(again, HttpStatusCode.BadRequest, "indicators");
        Assert.Contains("WMO-WACHTTIJD-NIEUW", problem.GetProperty("errors").GetProperty("indicators")[0].GetString());
        Assert.False(await Exists("M-2025-203"));
    }

    [Fact]
    public async Task A_report_from_before_Governance_is_brought_over_once_for_an_ended_period_and_starts_the_reporting()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var registered = await client.PostAsJsonAsync("/api/obligations", await ValidMotion(client, "M-2025-205"), Json);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var codes = (await client.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json)).GetProperty("indicators").EnumerateArray()
            .Select(i => i.GetProperty("code").GetString()!).ToList();
        object Report(string period, string code) => new
        {
            period,
            values = new object[] { new { indicatorCode = code, number = 12m }, new { indicatorCode = codes[1], notAvailableReason = "Nog niet gemeten." } },
        };

        using var brought = await client.PostAsJsonAsync($"/api/obligations/{id}/history", Report("2024", codes[0]), Json);
        Assert.Equal(HttpStatusCode.Created, brought.StatusCode);
        var overview = await client.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        Assert.Equal("InProgress", overview.GetProperty("status").GetString());
        var cycle = Assert.Single(overview.GetProperty("cycles").EnumerateArray());
        Assert.True(cycle.GetProperty("isImported").GetBoolean());

        using var again = await client.PostAsJsonAsync($"/api/obligations/{id}/history", Report("2024", codes[0]), Json);
        await AssertProblem(again, HttpStatusCode.BadRequest, "period");
        using var running = await client.PostAsJsonAsync($"/api/obligations/{id}/history", Report($"{DateTime.Today.Year + 1}", codes[0]), Json);
        await AssertProblem(running, HttpStatusCode.BadRequest, "period");
        using var stranger = await client.PostAsJsonAsync($"/api/obligations/{id}/history", Report("2023", "ARM-KINDEREN"), Json);
        await AssertProblem(stranger, HttpStatusCode.BadRequest, "values");
    }

    [Fact]
    public async Task A_policy_area_the_municipality_does_not_have_is_refused_with_the_field_named()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var motion = await ValidMotion(client, "M-2025-204");
        motion["policyArea"] = "Ruimtevaart";
        using var response = await client.PostAsJsonAsync("/api/obligations", motion, Json);
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "policyArea");
        Assert.Contains("Ruimtevaart", problem.GetProperty("errors").GetProperty("policyArea")[0].GetString());
        Assert.False(await Exists("M-2025-204"));
    }

    [Theory]
    [MemberData(nameof(Emails.AllRolesBut), Roles.Griffie, MemberType = typeof(Emails))]
    public async Task Only_the_griffie_registers(string role)
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var motion = await ValidMotion(griffie, $"M-403-{role}");
        using var client = await app.SignedInClientAsync(Emails.For(role));
        using var response = await client.PostAsJsonAsync("/api/obligations", motion, Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await Exists($"M-403-{role}"));
    }

    [Theory]
    [MemberData(nameof(Emails.AllRolesBut), Roles.Griffie, MemberType = typeof(Emails))]
    public async Task Only_the_griffie_revises(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        var id = await IdOf(client, "M-2019-026");
        using var response = await client.PutAsJsonAsync($"/api/obligations/{id}", new { title = "Gewijzigd", version = 0 }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("title", null)]
    [InlineData("meetingBody", "")]
    [InlineData("aldermanIds", "[]")]
    [InlineData("indicators", "[]")]
    [InlineData("cadence", null)]
    [InlineData("submittingParties", "[]")]
    public async Task A_missing_field_is_named_in_a_400_and_nothing_is_stored(string field, string? json)
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var motion = await ValidMotion(client, $"M-400-{field}");
        motion[field] = json is null ? null : System.Text.Json.Nodes.JsonNode.Parse(json is "" ? "\"\"" : json);
        using var response = await client.PostAsJsonAsync("/api/obligations", motion, Json);
        await AssertProblem(response, HttpStatusCode.BadRequest, field);
        Assert.False(await Exists($"M-400-{field}"));
    }

    [Theory]
    [InlineData("title", "\"Motie\\u0000met NUL\"", "title")]
    [InlineData("meetingBody", "\"Raad\\u001b\"", "meetingBody")]
    [InlineData("submittingParties", "[\"GroenLinks\", \"D66\\u0007\"]", "submittingParties[1]")]
    [InlineData("adoptedOn", "\"0001-01-01\"", "adoptedOn")]
    [InlineData("adoptedOn", "\"9999-12-31\"", "adoptedOn")]
    public async Task A_control_character_or_an_absurd_date_is_named_in_a_400_and_nothing_is_stored(string field, string json, string named)
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var reference = $"M-400-h{Math.Abs(json.GetHashCode(StringComparison.Ordinal)) % 100000}";
        var motion = await ValidMotion(client, reference);
        motion[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        using var response = await client.PostAsJsonAsync("/api/obligations", motion, Json);
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, named);
        Assert.Matches("stuurteken|tussen 1900 en 2100", problem.GetProperty("errors").GetProperty(named)[0].GetString());
        Assert.False(await Exists(reference));
    }

    [Theory]
    [InlineData("search=Wmo%00", "search")]
    [InlineData("search=%1B%5B2J", "search")]
    [InlineData("adoptedFrom=0001-01-01", "adoptedFrom")]
    [InlineData("adoptedTo=9999-12-31", "adoptedTo")]
    public async Task A_control_character_or_an_absurd_date_in_the_query_is_named_in_a_400(string query, string named)
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));

        using var response = await client.GetAsync($"/api/obligations?{query}");

        await AssertProblem(response, HttpStatusCode.BadRequest, named);
    }

    [Fact]
    public async Task Without_sign_in_a_bad_query_is_still_a_401()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/obligations?search=%00")).StatusCode);
    }

    [Fact]
    public async Task A_date_that_is_no_date_is_named_in_a_400()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var motion = await ValidMotion(client, "M-400-date");
        motion["adoptedOn"] = "gisteren";
        using var response = await client.PostAsJsonAsync("/api/obligations", motion, Json);
        await AssertProblem(response, HttpStatusCode.BadRequest, "adoptedOn");
        Assert.False(await Exists("M-400-date"));
    }

    [Fact]
    public async Task A_duplicate_number_an_unknown_alderman_and_another_municipalitys_indicator_are_named()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var motion = await ValidMotion(client, "M-2021-047");
        motion["aldermanIds"] = new System.Text.Json.Nodes.JsonArray(Guid.NewGuid());
        await using (var db = app.Database())
        {
            var vaalsIndicator = await db.Indicators.Where(i => i.Code == "VAALS-MANTELZORG").Select(i => i.Id.Value).SingleAsync();
            motion["indicators"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["indicatorId"] = vaalsIndicator });
        }

        using var response = await client.PostAsJsonAsync("/api/obligations", motion, Json);
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "reference");
        Assert.True(problem.GetProperty("errors").TryGetProperty("aldermanIds", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("indicators", out _));
    }

    [Fact]
    public async Task A_revision_with_the_version_read_succeeds_and_a_stale_one_gets_409_without_change()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var created = await client.PostAsJsonAsync("/api/obligations", await ValidMotion(client, "M-2025-409"), Json);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var revision = await ValidMotion(client, "M-2025-409");
        revision["title"] = "Eerste wijziging";
        revision["version"] = 0;
        using var first = await client.PutAsJsonAsync($"/api/obligations/{id}", revision, Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("version").GetInt32());

        revision["title"] = "Tweede wijziging op een oude versie";
        using var second = await client.PutAsJsonAsync($"/api/obligations/{id}", revision, Json);
        await AssertProblem(second, HttpStatusCode.Conflict);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        Assert.Equal("Eerste wijziging", stored.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Revising_an_obligation_that_does_not_exist_is_404()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var revision = await ValidMotion(client, "M-404");
        revision["version"] = 0;
        using var response = await client.PutAsJsonAsync($"/api/obligations/{Guid.NewGuid()}", revision, Json);
        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_machine_client_with_an_api_key_reads_as_its_account_and_a_wrong_key_gets_401()
    {
        string secret;
        await using (var db = app.Database())
        {
            var user = await db.Users.SingleAsync(u => u.Email == Emails.For(Roles.Raadslid));
            var (key, s) = ApiKey.Create(user.Id, "Datawarehouse", DateTime.UtcNow);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            secret = s;
        }

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using var ok = await client.GetAsync("/api/obligations");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var forbidden = await client.PostAsJsonAsync("/api/obligations", new { }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", secret[..^1] + (secret[^1] == '0' ? '1' : '0'));
        using var unauthorized = await wrong.GetAsync("/api/obligations");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    private async Task<bool> Exists(string reference)
    {
        await using var db = app.Database();
        return await db.Obligations.AnyAsync(o => o.Reference == reference);
    }

    private static async Task<Guid> IdOf(HttpClient client, string reference)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/obligations?search={reference}", Json);
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == reference).GetProperty("id").GetGuid();
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> ValidMotion(HttpClient client, string reference)
    {
        var aldermen = await client.GetFromJsonAsync<JsonElement>("/api/obligations/aldermen", Json);
        var indicators = await client.GetFromJsonAsync<JsonElement>("/api/indicators?search=WMO-", Json);
        return new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "Motion",
            ["reference"] = reference,
            ["title"] = "Wachttijden Wmo inzichtelijk",
            ["text"] = "Verzoekt het college elk kwartaal te rapporteren over de wachttijden in de Wmo.",
            ["adoptedOn"] = "2025-11-11",
            ["meetingBody"] = "Gemeenteraad",
            ["meetingDate"] = "2025-11-11",
            ["aldermanIds"] = new System.Text.Json.Nodes.JsonArray(aldermen[0].GetProperty("id").GetGuid()),
            ["policyArea"] = "Wmo",
            ["cadence"] = nameof(Cadence.Quarterly),
            ["endDate"] = "2027-12-31",
            ["indicators"] = new System.Text.Json.Nodes.JsonArray(
                [.. indicators.GetProperty("items").EnumerateArray().Take(2).Select((i, n) =>
                    (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["indicatorId"] = i.GetProperty("id").GetGuid(), ["label"] = $"{(char)('a' + n)}" })]),
            ["submittingParties"] = new System.Text.Json.Nodes.JsonArray("GroenLinks", "D66"),
        };
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for '{field}' in {problem}");
            Assert.NotEmpty(messages.EnumerateArray());
        }

        return problem;
    }
}
