using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Benchmarks;

/// <summary>
/// The real app on a benchmark's SQLite file (or, given <paramref name="postgres"/>, that PostgreSQL database) in production
/// mode: its first administrator, no demo, no background jobs.
/// </summary>
internal sealed class BenchmarkApp(string file, string administratorPassword, string? postgres = null) : WebApplicationFactory<Web.Hosting.CurrentUser>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Governance.sln")))
        {
            root = root.Parent;
        }

        builder.UseContentRoot(Path.Combine(root?.FullName ?? ".", "src", "Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Governance:Demo", "false");
        builder.UseSetting("Governance:Jobs:RunServer", "false");
        builder.UseSetting("Governance:DatabaseProvider", postgres is null ? "Sqlite" : "Postgres");
        builder.UseSetting("Governance:ConnectionString", postgres ?? $"Data Source={file}");
        builder.UseSetting("Governance:FirstAdministrator:Email", "beheer@example.test");
        builder.UseSetting("Governance:FirstAdministrator:Password", administratorPassword);
        builder.UseSetting("Governance:FirstAdministrator:MunicipalityName", "Maastricht");
        builder.UseSetting("Governance:FirstAdministrator:MunicipalityCode", "GM0935");
    }
}
