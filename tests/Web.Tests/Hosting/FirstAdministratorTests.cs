using System.Net;
using Governance.Domain.Persistence;
using Governance.Web.Hosting.Seeding;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Governance.Web.Tests.Hosting;

/// <summary>Outside demo mode there are no default passwords: a configured first administrator, or no start.</summary>
public class FirstAdministratorTests
{
    [Fact]
    public async Task Without_demo_mode_only_the_configured_administrator_exists_and_signs_in()
    {
        using var database = TestDatabase.Sqlite();
        await using var app = new ProductionApp(database, admin: true);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("beheer@maastricht.nl", "een-lang-geheim-wachtwoord");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);

        await using var db = GovernanceDatabase.Create(DatabaseProvider.Sqlite, database.ConnectionString, Domain.Common.FixedMunicipalityContext.System);
        Assert.Equal(["beheer@maastricht.nl"], await db.Users.Select(u => u.Email).ToListAsync());
        Assert.Empty(await db.Obligations.ToListAsync());
        using var demo = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Assert.ThrowsAsync<InvalidOperationException>(() => demo.SignInAsync("griffie@maastricht.demo", DemoUsers.Password));
    }

    [Fact]
    public async Task Without_demo_mode_and_without_an_administrator_the_app_does_not_start()
    {
        using var database = TestDatabase.Sqlite();
        await using var app = new ProductionApp(database, admin: false);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("niet volledig ingericht", await response.Content.ReadAsStringAsync());
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested, "The host never counts as started.");
        await using var db = GovernanceDatabase.Create(DatabaseProvider.Sqlite, database.ConnectionString, Domain.Common.FixedMunicipalityContext.System);
        Assert.Empty(await db.Users.ToListAsync());
    }

    private sealed class ProductionApp(TestDatabase database, bool admin) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Governance:Demo", "false");
            builder.UseSetting("Governance:Jobs:RunServer", "false");
            builder.UseSetting("Governance:ConnectionString", database.ConnectionString);
            if (admin)
            {
                builder.UseSetting("Governance:FirstAdministrator:Email", "beheer@maastricht.nl");
                builder.UseSetting("Governance:FirstAdministrator:Password", "een-lang-geheim-wachtwoord");
                builder.UseSetting("Governance:FirstAdministrator:MunicipalityName", "Maastricht");
                builder.UseSetting("Governance:FirstAdministrator:MunicipalityCode", "GM0935");
            }
        }
    }
}
