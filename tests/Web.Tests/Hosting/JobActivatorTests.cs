using Governance.Web.Hosting;
using Governance.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Hosting;

/// <summary>
/// Several apps in one process (every test project; a host running two): each app's job server builds its jobs from its
/// own services, not from whichever app configured Hangfire's process-wide defaults last.
/// </summary>
public sealed class JobActivatorTests
{
    [Fact]
    public void Each_app_builds_its_jobs_from_its_own_services_whichever_app_configured_hangfire_last()
    {
        using var first = new GovernanceAppFactory();
        using var second = new GovernanceAppFactory();
        first.Services.GetRequiredService<IGlobalConfiguration>();
        second.Services.GetRequiredService<IGlobalConfiguration>();

        foreach (var app in new[] { first, second })
        {
            // The scope a job server opens for each job (its context is not read by ASP.NET Core's activator).
            using var scope = app.Services.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);
            var built = (DatabaseSettings)scope.Resolve(typeof(DatabaseSettings));
            Assert.Equal(app.Services.GetRequiredService<DatabaseSettings>().ConnectionString, built.ConnectionString);
        }

        Assert.NotEqual(first.Services.GetRequiredService<DatabaseSettings>().ConnectionString, second.Services.GetRequiredService<DatabaseSettings>().ConnectionString);
    }
}
