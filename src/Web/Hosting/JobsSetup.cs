using System.Collections.Concurrent;
using Governance.Domain.Persistence;
using Governance.Workflows.Scheduling;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
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
        // One storage instance per app, registered before Hangfire's own (which falls back to the
        // process-wide JobStorage.Current, shared by every app in the process, e.g. in tests).
        services.AddSingleton<JobStorage>(sp =>
        {
            GlobalConfiguration.Configuration.UseLogProvider(ResilientLogProvider.For(sp.GetRequiredService<ILoggerFactory>()));
            return database.Provider switch
            {
                DatabaseProvider.Sqlite => new SQLiteStorage(SqliteJobFile(database.ConnectionString), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) }),
                DatabaseProvider.Postgres => PostgresStorage(database),
            };
        });
        // Likewise the activator: Hangfire's own is the process-wide JobActivator.Current, set by whichever app configured
        // Hangfire last, so a job server could build its jobs from another app's services (its database, its mail settings).
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(ResilientLogProvider.For(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        if (settings.Jobs.RunServer)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                o.WorkerCount = settings.Jobs.WorkerCount;
                o.FilterProvider = new JobFilterProviderCollection(
                    JobFilterProviders.Providers, new Seeding.StartupJobFilter(sp.GetRequiredService<Seeding.StartupPreparation>()), new RunsAloneJobFilter(database));
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
            // The demo shows the engine a few seconds after start (not competing with the first page): cycles open, the
            // demo's letters are made (their reports complete), and only then do reminders and escalations fire, so none
            // goes out for a report that is complete or sent; then they are mailed.
            var client = app.Services.GetRequiredService<IBackgroundJobClient>();
            var opened = client.Schedule<Governance.Workflows.ReportingCycles.OpenReportingCyclesJob>(j => j.ExecuteAsync(CancellationToken.None), TimeSpan.FromSeconds(5));
            var letters = client.ContinueJobWith<Seeding.DemoLetters>(opened, j => j.ExecuteAsync(CancellationToken.None));
            var swept = client.ContinueJobWith<Governance.Workflows.ReportingCycles.SweepDeadlinesJob>(letters, j => j.ExecuteAsync(CancellationToken.None), JobContinuationOptions.OnAnyFinishedState);
            client.ContinueJobWith<Governance.Workflows.Notifications.SendNotificationsJob>(swept, j => j.ExecuteAsync(CancellationToken.None), JobContinuationOptions.OnAnyFinishedState);
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

    /// <summary>
    /// Hangfire's tables in their own schema, made or upgraded under a lock of their own (processes starting together
    /// would otherwise race to create them; not the start-up lock, which is held while the demo may queue jobs). A job taken by a process that dies is taken up by another within a minute:
    /// the invisibility timeout slides while a job runs, so it can be short. Hangfire's own locks are held for moments (the
    /// scheduler's, a job's state change) but a dead process leaves them in their table, where they stop every other
    /// process until they expire: after 15 s. The long-held locks are the jobs' own (<see cref="RunsAloneJobFilter"/>).
    /// </summary>
    private static PostgreSqlStorage PostgresStorage(DatabaseSettings database)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            DistributedLockTimeout = TimeSpan.FromSeconds(15),
        };
        DatabaseLock.EnsureDatabase(database.Provider, database.ConnectionString);
        using var alone = DatabaseLock.Acquire(database.Provider, database.ConnectionString, "hangfire-schema", TimeSpan.FromMinutes(5));
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    /// <summary>The job storage lives beside the database file: governance.db and hangfire.db.</summary>
    private static string SqliteJobFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
        return Path.Combine(folder, "hangfire.db");
    }
}

/// <summary>
/// Hangfire logs through one process-wide provider, and its components take their loggers when they are made: this one
/// writes to the logging of every app of the process that uses Hangfire (one in production; several in a test process,
/// where a job server's warnings would otherwise reach whichever app set the provider last), and forgets an app whose
/// logging has been disposed instead of throwing.
/// </summary>
internal sealed class ResilientLogProvider : Hangfire.Logging.ILogProvider
{
    private static readonly ResilientLogProvider Instance = new();
    private static readonly ConcurrentDictionary<ILoggerFactory, Hangfire.AspNetCore.AspNetCoreLogProvider> Apps = new();

    private ResilientLogProvider()
    {
    }

    /// <summary>The provider, now also writing to <paramref name="factory"/>.</summary>
    public static ResilientLogProvider For(ILoggerFactory factory)
    {
        Apps.TryAdd(factory, new Hangfire.AspNetCore.AspNetCoreLogProvider(factory));
        return Instance;
    }

    public Hangfire.Logging.ILog GetLogger(string name) => new EveryApp(name);

    private sealed class EveryApp(string name) : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var logged = false;
            foreach (var (factory, app) in Apps)
            {
                try
                {
                    logged |= app.GetLogger(name).Log(logLevel, messageFunc, exception);
                }
                catch (ObjectDisposedException)
                {
                    Apps.TryRemove(factory, out _);
                }
            }

            return logged;
        }
    }
}
