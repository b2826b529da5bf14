using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Hosting;

/// <summary>A yes/no, number, id or date a request must carry is refused when it is left out, not read as false or 0.</summary>
public sealed class RequiredFieldsApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Preferences_without_the_digest_choice_are_a_400_naming_it_and_nothing_changes()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using (var chosen = await client.PutAsJsonAsync("/api/me/preferences", new { emailDigest = true }, Json))
        {
            Assert.Equal(HttpStatusCode.NoContent, chosen.StatusCode);
        }

        using var response = await client.PutAsync("/api/me/preferences", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("emailDigest", out _), problem.ToString());
        await using var db = app.Database();
        Assert.True(db.Users.Single(u => u.Email == Emails.For(Roles.Medewerker)).EmailDigest);
    }
}
