using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Administration;

public class AdministrationApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_administrator_gives_an_account_a_key_that_works_until_it_is_revoked()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var userId = await UserId(Emails.For(Roles.Raadslid));
        using var created = await admin.PostAsJsonAsync($"/api/admin/users/{userId}/api-keys", new { name = "Datawarehouse" }, Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var secret = key.GetProperty("secret").GetString()!;

        using var machine = app.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/obligations")).StatusCode);

        await using (var db = app.Database())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Name == "Datawarehouse");
            Assert.NotEqual(secret, stored.Hash);
            Assert.DoesNotContain(secret, stored.Hash);
        }

        using var revoked = await admin.DeleteAsync($"/api/admin/api-keys/{key.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/obligations")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Emails.AllRolesBut), Roles.Beheerder, MemberType = typeof(Emails))]
    public async Task Only_the_administrator_manages_keys_and_accounts(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        var userId = await UserId(Emails.For(role));
        using var create = await client.PostAsJsonAsync($"/api/admin/users/{userId}/api-keys", new { name = "Eigen sleutel" }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode);
        await using var db = app.Database();
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Name == "Eigen sleutel"));
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var userId = await UserId(Emails.For(Roles.Medewerker));
        using var response = await admin.PostAsJsonAsync($"/api/admin/users/{userId}/api-keys", new { name = "" }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task An_account_of_another_municipality_is_not_found()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var vaals = await UserId(Emails.VaalsGriffie);
        using var response = await admin.PostAsJsonAsync($"/api/admin/users/{vaals}/api-keys", new { name = "Over de grens" }, Json);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_administrator_lists_only_the_accounts_of_the_municipality()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users", Json);
        var emails = users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()).ToList();
        Assert.Contains(Emails.For(Roles.Griffie), emails);
        Assert.DoesNotContain(Emails.VaalsGriffie, emails);
    }

    private async Task<string> UserId(string email)
    {
        await using var db = app.Database();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
