using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Persistence;

/// <summary>The whole app on PostgreSQL: migrated and seeded at start, served through the API.</summary>
public class PostgresAppTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task The_demo_runs_on_PostgreSQL()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/obligations?sort=Reference&descending=false&pageSize=100");
        Assert.Equal(6, page.GetProperty("totalCount").GetInt32());
        Assert.Equal("M-2014-083", page.GetProperty("items")[0].GetProperty("reference").GetString());
    }
}
