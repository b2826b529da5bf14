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

        using var db = CreateContext();
        db.Database.Migrate();
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
