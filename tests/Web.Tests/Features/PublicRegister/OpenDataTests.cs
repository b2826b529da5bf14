using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.PublicRegister;

/// <summary>
/// The public register as open data, read as a harvester reads it: no sign-in, any origin, pages followed by their
/// next links, answers kept by their ETag, and every answer valid against the schema the OpenAPI document publishes
/// (checked by Python's jsonschema, not by code written here).
/// </summary>
public sealed class OpenDataTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private const string List = "/api/open/maastricht/informatieobjecten";

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_harvester_follows_the_pages_and_finds_every_public_item_of_the_municipality_and_nothing_else()
    {
        using var client = Anonymous();
        var numbers = new List<string>();
        string? next = List + "?pageSize=2";
        var pages = 0;
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next);
            pages++;
            foreach (var item in page.GetProperty("results").EnumerateArray())
            {
                numbers.Add(item.GetProperty("toezegging").GetProperty("nummer").GetString()!);
                Assert.Equal("0935", item.GetProperty("gemeente").GetProperty("gemeentecode").GetString());
                Assert.Contains(item.GetProperty("informatieobjecttype").GetString(), new[] { "motie", "toezegging" });
            }

            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }

        await using var db = app.Database();
        var maastricht = await db.Municipalities.SingleAsync(m => m.Name == "Maastricht");
        var expected = await db.Obligations.IgnoreQueryFilters().Where(o => o.MunicipalityId == maastricht.Id && o.IsPublic)
            .OrderBy(o => o.Reference).Select(o => o.Reference).ToListAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), numbers.Order(StringComparer.Ordinal));
        Assert.Equal((expected.Count + 1) / 2, pages);
        Assert.DoesNotContain("T-2025-004", numbers);
    }

    [Fact]
    public async Task An_item_links_to_its_meeting_and_decision_and_says_what_the_Kamer_tracks_for_a_commitment()
    {
        using var client = Anonymous();
        var page = await client.GetFromJsonAsync<JsonElement>(List + "?informatieobjecttype=motie&zoek=armoede");
        var listed = Assert.Single(page.GetProperty("results").EnumerateArray());
        var item = await client.GetFromJsonAsync<JsonElement>(listed.GetProperty("url").GetString()!);
        var tracked = item.GetProperty("toezegging");
        Assert.Equal("M-2021-047", tracked.GetProperty("nummer").GetString());
        Assert.Equal("Halveren aantal kinderen in armoede 2030", item.GetProperty("titel").GetString());
        Assert.Equal("2021-07-13", item.GetProperty("creatiedatum").GetString());
        Assert.Equal("wethouder", tracked.GetProperty("functie").GetString());
        Assert.EndsWith("/openbaar/maastricht/M-2021-047", item.GetProperty("link").GetString());

        await using var db = app.Database();
        var motion = await db.Obligations.IgnoreQueryFilters().SingleAsync(o => o.Reference == "M-2021-047");
        var lead = await db.Aldermen.IgnoreQueryFilters().SingleAsync(a => a.Id == motion.ResponsibleAldermen[0]);
        Assert.Equal(lead.Name, tracked.GetProperty("naam").GetString());
        Assert.Equal(lead.Portfolio, tracked.GetProperty("portefeuille").GetString());
        Assert.Equal(((Domain.Motions.Motion)motion).SubmittingParties, tracked.GetProperty("indieners").EnumerateArray().Select(p => p.GetString()));

        var meeting = await client.GetFromJsonAsync<JsonElement>(item.GetProperty("vergaderingen")[0].GetProperty("url").GetString()!);
        Assert.Equal("Gemeenteraad", meeting.GetProperty("naam").GetString());
        Assert.Equal("2021-07-13", meeting.GetProperty("vergaderdatum").GetString());
        Assert.Equal("raadsvergadering", meeting.GetProperty("vergaderingstype").GetString());
        Assert.Equal(tracked.GetProperty("activiteitNummer").GetString(), meeting.GetProperty("id").GetString());
        var decision = await client.GetFromJsonAsync<JsonElement>(item.GetProperty("besluit").GetProperty("url").GetString()!);
        Assert.Equal("aangenomen", decision.GetProperty("besluitresultaat").GetString());
        Assert.Equal(item.GetProperty("url").GetString(), decision.GetProperty("informatieobject").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Another_municipalitys_item_an_item_kept_internal_and_an_unknown_municipality_answer_not_found()
    {
        await using var db = app.Database();
        var vaals = await db.Obligations.IgnoreQueryFilters().SingleAsync(o => o.Reference == "T-2025-004");
        using var client = Anonymous();
        using var other = await client.GetAsync($"{List}/{vaals.Id.Value}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/open/vaals/informatieobjecten/{vaals.Id.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/open/maastricht/besluiten/{vaals.Id.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/open/atlantis/informatieobjecten")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/open/maastricht/vergaderingen/20210713-nergens")).StatusCode);
        // An address that is no id is just not there (not a question to sign in).
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{List}/NaN")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/open/maastricht/besluiten/2147483648")).StatusCode);
    }

    [Fact]
    public async Task A_filter_that_cannot_be_read_is_named_in_Dutch_problem_details()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync(List + "?status=open&pageSize=500&informatieobjecttype=motie");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.StartsWith("Kies geregistreerd, in_uitvoering", errors.GetProperty("status")[0].GetString());
        Assert.Equal("Geef een paginagrootte van 1 tot en met 100.", errors.GetProperty("pageSize")[0].GetString());
        Assert.False(errors.TryGetProperty("informatieobjecttype", out _));

        var commitments = await client.GetFromJsonAsync<JsonElement>(List + "?informatieobjecttype=toezegging&status=geregistreerd");
        Assert.All(commitments.GetProperty("results").EnumerateArray(), item =>
        {
            Assert.Equal("toezegging", item.GetProperty("informatieobjecttype").GetString());
            Assert.Equal("geregistreerd", item.GetProperty("toezegging").GetProperty("status").GetString());
        });
    }

    [Fact]
    public async Task Any_origin_may_read_it_and_a_client_with_the_ETag_gets_304_until_it_changes()
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, List);
        request.Headers.Add("Origin", "https://data.example.org");
        using var first = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var etag = first.Headers.ETag!;

        using var preflight = new HttpRequestMessage(HttpMethod.Options, List);
        preflight.Headers.Add("Origin", "https://data.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var allowed = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, List);
        again.Headers.IfNoneMatch.Add(etag);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        // The griffie changes a public item: the next answer is new, with another ETag.
        using var griffie = await app.SignedInClientAsync(Emails.For(Domain.Accounts.Roles.Griffie));
        await using var db = app.Database();
        var commitment = await db.Obligations.AsNoTracking().IgnoreQueryFilters().SingleAsync(o => o.Reference == "T-2024-031");
        using var hidden = await griffie.PutAsJsonAsync($"/api/obligations/{commitment.Id.Value}/visibility", new { isPublic = false, version = commitment.Version });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        using var later = new HttpRequestMessage(HttpMethod.Get, List);
        later.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(later);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.DoesNotContain("T-2024-031", await changed.Content.ReadAsStringAsync());

        var stored = await app.Database().Obligations.AsNoTracking().IgnoreQueryFilters().SingleAsync(o => o.Reference == "T-2024-031");
        using var shown = await griffie.PutAsJsonAsync($"/api/obligations/{commitment.Id.Value}/visibility", new { isPublic = true, version = stored.Version });
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    [Fact]
    public async Task Every_answer_is_valid_against_the_schema_the_OpenAPI_document_publishes()
    {
        using var client = Anonymous();
        var document = await client.GetStringAsync("/openapi/v1.json");
        var page = await client.GetStringAsync(List + "?pageSize=100");
        var first = JsonDocument.Parse(page).RootElement.GetProperty("results")[0];
        var item = await client.GetStringAsync(first.GetProperty("url").GetString()!);
        var meeting = await client.GetStringAsync(first.GetProperty("vergaderingen")[0].GetProperty("url").GetString()!);
        var decision = await client.GetStringAsync(first.GetProperty("besluit").GetProperty("url").GetString()!);
        var answers = new Dictionary<string, string>
        {
            ["/api/open/{gemeente}/informatieobjecten"] = page,
            ["/api/open/{gemeente}/informatieobjecten/{id}"] = item,
            ["/api/open/{gemeente}/vergaderingen/{id}"] = meeting,
            ["/api/open/{gemeente}/besluiten/{id}"] = decision,
        };

        // Each answer against its operation's 200 schema, with the document's components to resolve references.
        var checkedPaths = await Python.RunAsync(JsonSerializer.Serialize(new { document = JsonDocument.Parse(document).RootElement, answers }), """
            import sys, json, jsonschema
            data = json.load(sys.stdin)
            document = data["document"]
            resolver = jsonschema.RefResolver.from_schema(document)
            for path, answer in data["answers"].items():
                schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                validator = jsonschema.Draft202012Validator(schema, resolver=resolver, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
                errors = sorted(validator.iter_errors(json.loads(answer)), key=lambda e: list(e.path))
                for error in errors:
                    print("INVALID %s %s: %s" % (path, list(error.path), error.message))
                print("checked %s" % path)
            # The schema has teeth: an item of a type the standard does not know, or without its number, is refused.
            path = "/api/open/{gemeente}/informatieobjecten/{id}"
            schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
            tampered = json.loads(data["answers"][path])
            tampered["informatieobjecttype"] = "brief"
            del tampered["toezegging"]["nummer"]
            validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
            print("tampered: %d errors" % len(list(validator.iter_errors(tampered))))
            """);
        Assert.DoesNotContain(checkedPaths, line => line.StartsWith("INVALID", StringComparison.Ordinal));
        Assert.Equal([.. answers.Keys.Select(p => "checked " + p), "tampered: 2 errors"], checkedPaths);
    }
}
