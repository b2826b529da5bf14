using Governance.Domain.Common;
using Governance.Domain.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Domain.Persistence;

/// <summary>The embedded default: a SQLite file. Its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteGovernanceDbContext(DbContextOptions<SqliteGovernanceDbContext> options, IMunicipalityContext scope)
    : GovernanceDbContext(options, scope);

/// <summary>PostgreSQL, for larger installations. Its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresGovernanceDbContext(DbContextOptions<PostgresGovernanceDbContext> options, IMunicipalityContext scope)
    : GovernanceDbContext(options, scope);

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Builds contexts for either provider; the single place that knows the provider options.</summary>
public static class GovernanceDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        // Whether the model has changes without a migration is checked by a test for both providers, not again at
        // every start (it builds and compares the model snapshot: a fifth of a second).
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(GovernanceDbContext).Assembly.FullName))
                    .AddInterceptors(SqliteConnectionSettings.Instance, PublishAfterCommit.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(GovernanceDbContext).Assembly.FullName))
                    .AddInterceptors(PublishAfterCommit.Instance);
                break;
        }
    }

    public static GovernanceDbContext Create(DatabaseProvider provider, string connectionString, IMunicipalityContext scope) =>
        provider switch
        {
            DatabaseProvider.Sqlite => new SqliteGovernanceDbContext(Options<SqliteGovernanceDbContext>(provider, connectionString), scope),
            DatabaseProvider.Postgres => new PostgresGovernanceDbContext(Options<PostgresGovernanceDbContext>(provider, connectionString), scope),
        };

    public static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGovernanceDbContext>
{
    public SqliteGovernanceDbContext CreateDbContext(string[] args) =>
        new(GovernanceDatabase.Options<SqliteGovernanceDbContext>(DatabaseProvider.Sqlite, "Data Source=design.db"), FixedMunicipalityContext.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGovernanceDbContext>
{
    public PostgresGovernanceDbContext CreateDbContext(string[] args) =>
        new(GovernanceDatabase.Options<PostgresGovernanceDbContext>(DatabaseProvider.Postgres, "Host=localhost;Database=governance_design"), FixedMunicipalityContext.System);
}
