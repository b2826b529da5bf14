using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Governance.Web.Tests.Support.AccountFlows;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>The municipality's letter defaults: the team's contact, the links block, the logo and the trend words reach the composed letter.</summary>
public sealed class LetterSettingsTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_composed_letter_names_the_teams_contact_and_ends_with_the_links_block()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        Guid teamId;
        await using (var db = app.Database())
        {
            var staffTeam = await db.Users.Where(u => u.Email == Emails.For(Roles.Medewerker)).Select(u => u.TeamId).SingleAsync();
            teamId = staffTeam!.Value.Value;
        }

        var team = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/teams", Json)).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == teamId);
        using var contact = await admin.PutAsJsonAsync($"/api/admin/teams/{teamId}/letter-contact",
            new { handledBy = "I. (Ira) Bongers", phone = "043 350 1234", email = "ira.bongers@maastricht.example", version = team.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);

        var letters = await admin.GetFromJsonAsync<JsonElement>("/api/admin/settings/letters", Json);
        using var saved = await admin.PutAsJsonAsync("/api/admin/settings/letters", new
        {
            links = "Nu al interesse in meer cijfers? Kijk op [Maastricht in Cijfers](https://maastricht.incijfers.example).",
            trendRelative = new { equal = 90m, slight = 95m, strong = 99m },
            trendPoints = new { equal = 90m, slight = 95m, strong = 99m },
            version = letters.GetProperty("version").GetInt32(),
        }, Json);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var cycleId = await LetterCycles.CompleteAsync(app, staff, "T-2024-031");
        using var composed = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);
        Assert.Equal(HttpStatusCode.OK, composed.StatusCode);
        var letter = await staff.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}/letter", Json);
        var current = letter.GetProperty("current");
        Assert.Equal("I. (Ira) Bongers", current.GetProperty("handledBy").GetString());
        Assert.Equal("043 350 1234", current.GetProperty("phone").GetString());
        Assert.Contains("ira.bongers@maastricht.example", letter.GetProperty("html").GetString());
        var body = current.GetProperty("body").GetString()!;
        Assert.True(body.IndexOf("Maastricht in Cijfers", StringComparison.Ordinal) < body.IndexOf("Hoogachtend", StringComparison.Ordinal), "the links come before the signature");
    }

    [Fact]
    public async Task Unordered_bounds_a_script_link_and_a_logo_that_is_not_an_image_are_refused_with_the_field_named()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/settings/letters", Json)).GetProperty("version").GetInt32();
        using var refused = await admin.PutAsJsonAsync("/api/admin/settings/letters", new
        {
            links = "[klik](javascript:alert(1))",
            trendRelative = new { equal = 5m, slight = 1m, strong = 15m },
            trendPoints = new { equal = 0.5m, slight = 2m, strong = 5m },
            version,
        }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("links", out _));
        Assert.True(errors.TryGetProperty("trendRelative", out _));
        Assert.False(errors.TryGetProperty("trendPoints", out _));

        using var html = new ByteArrayContent("<svg onload=alert(1)>"u8.ToArray());
        html.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var notImage = await admin.PutAsync($"/api/admin/settings/letters/logo?version={version}", html);
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/settings/letters/logo")).StatusCode);

        using var png = new ByteArrayContent(Png);
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var set = await admin.PutAsync($"/api/admin/settings/letters/logo?version={version}", png);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var logo = await admin.GetAsync("/api/admin/settings/letters/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
    }
}
