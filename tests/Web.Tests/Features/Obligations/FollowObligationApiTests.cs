using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Obligations;

/// <summary>A council member follows a motion and hears when its status changes; others following nothing hear nothing.</summary>
public class FollowObligationApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<(Guid Id, int Version)> ObligationAsync(HttpClient client, string reference)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/obligations?search={reference}", Json);
        var id = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == reference).GetProperty("id").GetGuid();
        var obligation = await client.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        return (id, obligation.GetProperty("version").GetInt32());
    }

    private static async Task<List<string>> SubjectsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/me/notifications?pageSize=100", Json)).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("subject").GetString()!)];

    [Fact]
    public async Task A_follower_is_told_when_the_status_changes_and_stops_hearing_after_unfollowing()
    {
        using var member = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        var (id, _) = await ObligationAsync(member, "M-2019-026");
        using var follow = await member.PutAsync($"/api/obligations/{id}/following", null);
        Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        var state = await member.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}/following", Json);
        Assert.True(state.GetProperty("following").GetBoolean());
        Assert.Equal(1, state.GetProperty("followers").GetInt32());

        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (_, version) = await ObligationAsync(griffie, "M-2019-026");
        using var lapsed = await griffie.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Lapse", reason = "Ingetrokken door de indieners.", version }, Json);
        Assert.Equal(HttpStatusCode.OK, lapsed.StatusCode);

        var subjects = await SubjectsAsync(member);
        Assert.Contains(subjects, s => s.StartsWith("M-2019-026", StringComparison.Ordinal) && s.EndsWith("vervallen", StringComparison.Ordinal));
        Assert.DoesNotContain(await SubjectsAsync(griffie), s => s.EndsWith("vervallen", StringComparison.Ordinal));

        using var unfollow = await member.DeleteAsync($"/api/obligations/{id}/following");
        Assert.Equal(HttpStatusCode.NoContent, unfollow.StatusCode);
        Assert.False((await member.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}/following", Json)).GetProperty("following").GetBoolean());
    }

    [Fact]
    public async Task Following_an_unknown_obligation_is_a_404_and_anonymous_callers_are_401()
    {
        using var member = await app.SignedInClientAsync(Emails.For(Roles.Raadslid));
        using var missing = await member.PutAsync($"/api/obligations/{Guid.NewGuid()}/following", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var refused = await anonymous.PutAsync($"/api/obligations/{Guid.NewGuid()}/following", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
