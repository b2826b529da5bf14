using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Web.Tests.Support;

/// <summary>The real app, in demo mode, on its own real database.</summary>
public class GovernanceAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    public GovernanceAppFactory()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected GovernanceAppFactory(DatabaseProvider provider) => _database = TestDatabases.Create(provider);

    public DatabaseProvider Provider => _database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Scopes are checked as in Development (the `dotnet run` demo): a scoped service taken from the root fails here too.
        builder.UseDefaultServiceProvider(options => options.ValidateScopes = true);
        builder.UseSetting("Governance:Demo", "true");
        builder.UseSetting("Governance:Jobs:RunServer", "false");
        builder.UseSetting("Governance:DatabaseProvider", _database.Provider.ToString());
        builder.UseSetting("Governance:ConnectionString", _database.ConnectionString);
    }

    /// <summary>A context outside any request, limited to one municipality or (null) seeing all of them.</summary>
    public GovernanceDbContext Database(IMunicipalityContext? scope = null) =>
        GovernanceDatabase.Create(_database.Provider, _database.ConnectionString, scope ?? FixedMunicipalityContext.System);

    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}

public sealed class PostgresAppFactory() : GovernanceAppFactory(DatabaseProvider.Postgres);
