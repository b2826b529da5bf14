using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Workflows.Tests.Support;

/// <summary>
/// A real database, migrated, seen with system scope: a SQLite file, or a fresh database on the PostgreSQL
/// server that .ci/run starts (GOVERNANCE_TEST_POSTGRES overrides where). Optionally fails the Nth save to
/// simulate a crash.
/// </summary>
internal sealed class SqliteSystemDatabase : ISystemDatabase, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "governance-workflow-tests", Guid.NewGuid().ToString("N"));
    private readonly CrashingInterceptor _crash = new();
    private readonly string? _postgresName;

    public SqliteSystemDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite)
        : this(provider, migrate: true)
    {
    }

    private SqliteSystemDatabase(DatabaseProvider provider, bool migrate)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(_folder);
            ConnectionString = $"Data Source={Path.Combine(_folder, "governance.db")};Pooling=False";
        }
        else
        {
            _postgresName = "governance_wf_" + Guid.NewGuid().ToString("N")[..12];
            ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresName }.ConnectionString;
        }

        if (migrate)
        {
            using var db = CreateContext();
            db.Database.Migrate();
        }
    }

    /// <summary>A second database with the same rows, the same ids: a copy of the file, or a database made from this one as its template.</summary>
    public SqliteSystemDatabase Copy()
    {
        var copy = new SqliteSystemDatabase(Provider, migrate: false);
        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource,
                new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(copy.ConnectionString).DataSource);
            return copy;
        }

        // A template must have no one connected.
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{copy._postgresName}\" TEMPLATE \"{_postgresName}\"";
        command.ExecuteNonQuery();
        return copy;
    }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES") ?? "Host=localhost;Port=5432;Username=postgres;Password=postgres";

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The save with this number (1-based, counted from now) throws after the batch reached the database driver.</summary>
    public void CrashOnSave(int number) => _crash.Arm(number);

    public GovernanceDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresGovernanceDbContext>();
            GovernanceDatabase.Configure(postgres, DatabaseProvider.Postgres, ConnectionString);
            postgres.AddInterceptors(_crash);
            return new PostgresGovernanceDbContext(postgres.Options, FixedMunicipalityContext.System);
        }

        var options = new DbContextOptionsBuilder<SqliteGovernanceDbContext>();
        GovernanceDatabase.Configure(options, DatabaseProvider.Sqlite, ConnectionString);
        options.AddInterceptors(_crash);
        return new SqliteGovernanceDbContext(options.Options, FixedMunicipalityContext.System);
    }

    public void Dispose()
    {
        if (_postgresName is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            command.ExecuteNonQuery();
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }

    private sealed class CrashingInterceptor : SaveChangesInterceptor
    {
        private int _countdown;

        public void Arm(int number) => _countdown = number;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_countdown > 0 && --_countdown == 0)
            {
                throw new IOException("Simulated crash in the middle of opening cycles.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
