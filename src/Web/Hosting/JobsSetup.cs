using Governance.Domain.Persistence;
using Governance.Workflows.Scheduling;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace Governance.Web.Hosting;

/// <summary>
/// Hangfire: job storage follows the database (SQLite file beside the database, or PostgreSQL in its own
/// schema for several instances), the server runs where configured, the dashboard is for the Beheerder.
/// </summary>
internal static class JobsSetup
{
    public const string DashboardPath = "/admin/hangfire";

    public static IServiceCollection AddJobs(this IServiceCollection services, GovernanceSettings settings, DatabaseSettings database)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.Sqlite:
                    config.UseSQLiteStorage(SqliteJobFile(database.ConnectionString), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
                    break;
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(
                        o => o.UseNpgsqlConnection(database.ConnectionString),
                        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
                    break;
            }
        });

        if (settings.Jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                o.WorkerCount = settings.Jobs.WorkerCount;
            });
        }

        return services;
    }

    /// <summary>Registers the schedule; in demo mode the first opening runs at once, so the demo shows open cycles.</summary>
    public static async Task StartJobsAsync(this WebApplication app, GovernanceSettings settings)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        RecurringJobs.Register(jobs);
        if (settings.Demo && settings.Jobs.RunServer)
        {
            jobs.Trigger(RecurringJobs.OpenReportingCycles);
        }

        await Task.CompletedTask;
    }

    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administer, DashboardPath, new DashboardOptions
        {
            DashboardTitle = "Governance · achtergrondtaken",
            AppPath = "/admin/workflows",
            DisplayStorageConnectionString = false,
        });

    /// <summary>The job storage lives beside the database file: governance.db and hangfire.db.</summary>
    private static string SqliteJobFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
        return Path.Combine(folder, "hangfire.db");
    }
}
