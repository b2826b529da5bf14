using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Hosting;

/// <summary>Where the database is and how a unit of work gets a context limited to its municipality.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);

internal static class DatabaseSetup
{
    public static DatabaseSettings AddGovernanceDatabase(this IServiceCollection services, GovernanceSettings settings, IWebHostEnvironment environment)
    {
        var database = Resolve(settings, environment.ContentRootPath);
        services.AddSingleton(database);
        // Saves of public data tell the public register's cache (Features/PublicRegister/PublicCache.cs).
        var signals = new ChangeSignals(database);
        services.AddSingleton(signals);
        services.AddHostedService<ChangeSignalPolling>();
        var publicChanges = new Features.PublicRegister.PublicDataChanges(signals);
        services.AddSingleton(publicChanges);
        var contexts = new DbContextOptionsCache(database, publicChanges);
        services.AddSingleton(contexts);

        // The model takes most of a second to build: it is built from now on, beside the rest of the app's construction,
        // so it is ready when the start-up data needs it.
        contexts.BuildModelInBackground();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IMunicipalityContext>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IDbContextFactory<GovernanceDbContext>, GovernanceDbContextFactory>();
        services.AddScoped<ISystemDatabase, SystemDatabase>();

        // ASP.NET Core Identity's stores need a context of their own; accounts are not municipality-filtered.
        services.AddScoped<GovernanceDbContext>(sp => sp.GetRequiredService<DbContextOptionsCache>().Create(FixedMunicipalityContext.System, null));
        return database;
    }

    public static DatabaseSettings Resolve(GovernanceSettings settings, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return new DatabaseSettings(settings.DatabaseProvider,
                settings.DatabaseProvider == DatabaseProvider.Postgres ? ForPostgres(settings.ConnectionString) : settings.ConnectionString);
        }

        if (settings.DatabaseProvider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                "Governance:ConnectionString is required for PostgreSQL, e.g. Host=localhost;Database=governance;Username=governance;Password=…");
        }

        var folder = Path.GetFullPath(Path.Combine(contentRoot, settings.DataFolder));
        Directory.CreateDirectory(folder);
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "governance.db") };
        return new DatabaseSettings(DatabaseProvider.Sqlite, connection.ToString());
    }

    /// <summary>
    /// Npgsql's default pool (100 connections) is PostgreSQL's default limit for the whole server: two busy processes
    /// run it out ("53300: too many clients") instead of waiting their turn. Unless the connection string says otherwise,
    /// a process keeps at most <see cref="DefaultMaxPoolSize"/> connections and a request beyond waits for one
    /// (docs/scaling.md: processes × pool + a few per process for locks ≤ max_connections).
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>
    /// The app's sessions plan without parallel workers (<c>max_parallel_workers_per_gather = 0</c>, sent when the
    /// connection starts, so it survives Npgsql's reset of a pooled connection) unless the connection string's Options
    /// set it. Behind PgBouncer, which refuses startup options it is not told to ignore, set it on the app's role.
    /// The app's queries read thousands of rows, not millions: a parallel plan costs more in starting its workers than it
    /// saves, and on a server its app processes keep busy the workers take cores from other requests (docs/benchmarks.md,
    /// the PostgreSQL workspaces: the cockpit 150 → 78 ms at the 95th percentile on two cores).
    /// </summary>
    public const string SessionOptions = "-c max_parallel_workers_per_gather=0";

    /// <summary>The connection string with this app's defaults for PostgreSQL, where it does not set them itself.</summary>
    public static string ForPostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToList();
        if (!given.Any(k => k.Equals("maximumpoolsize", StringComparison.OrdinalIgnoreCase) || k.Equals("maxpoolsize", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (builder.Options?.Contains("max_parallel_workers_per_gather", StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? SessionOptions : $"{SessionOptions} {builder.Options}";
        }

        return builder.ConnectionString;
    }

    /// <summary>Creates or migrates the database to the latest migration of its provider.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        await using var db = services.GetRequiredService<DbContextOptionsCache>().Create(FixedMunicipalityContext.System, null);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Readers do not block the writer; the busy timeout lets a second writer wait.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // A migration that fills a new column rewrites whole tables (millions of tasks in a large installation): minutes, not the 30 s of a request.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>
/// Options are built once per provider (EF caches its internals by options); each context gets the
/// municipality scope and the event publisher of the unit of work that created it.
/// </summary>
internal sealed class DbContextOptionsCache(DatabaseSettings settings, Features.PublicRegister.PublicDataChanges publicChanges)
{
    private readonly Lazy<DbContextOptions<SqliteGovernanceDbContext>> _sqlite = new(() => Options<SqliteGovernanceDbContext>(DatabaseProvider.Sqlite, settings, publicChanges));

    private readonly Lazy<DbContextOptions<PostgresGovernanceDbContext>> _postgres = new(() => Options<PostgresGovernanceDbContext>(DatabaseProvider.Postgres, settings, publicChanges));

    private static DbContextOptions<T> Options<T>(DatabaseProvider provider, DatabaseSettings settings, Features.PublicRegister.PublicDataChanges publicChanges)
        where T : DbContext =>
        new DbContextOptionsBuilder<T>(GovernanceDatabase.Options<T>(provider, settings.ConnectionString)).AddInterceptors(publicChanges).Options;

    public void BuildModelInBackground() => _ = Task.Run(() =>
    {
        using var db = Create(FixedMunicipalityContext.System, null);
        _ = db.Model;
    });

    public GovernanceDbContext Create(IMunicipalityContext scope, IPublisher? publisher) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteGovernanceDbContext(_sqlite.Value, scope) { Publisher = publisher },
        DatabaseProvider.Postgres => new PostgresGovernanceDbContext(_postgres.Value, scope) { Publisher = publisher },
    };
}

internal sealed class GovernanceDbContextFactory(DbContextOptionsCache options, IMunicipalityContext scope, IPublisher publisher)
    : IDbContextFactory<GovernanceDbContext>
{
    public GovernanceDbContext CreateDbContext() => options.Create(scope, publisher);
}

internal sealed class SystemDatabase(DbContextOptionsCache options, IPublisher publisher) : ISystemDatabase
{
    public GovernanceDbContext CreateContext() => options.Create(FixedMunicipalityContext.System, publisher);
}
