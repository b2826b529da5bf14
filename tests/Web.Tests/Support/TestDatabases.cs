using Governance.Domain.Persistence;
using Npgsql;

namespace Governance.Web.Tests.Support;

/// <summary>
/// Real databases for tests: a fresh SQLite file, or a fresh database on the PostgreSQL server that
/// .ci/run starts (GOVERNANCE_TEST_POSTGRES overrides where it is). No fakes, no in-memory provider.
/// </summary>
public static class TestDatabases
{
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES") ?? "Host=localhost;Port=5432;Username=postgres;Password=postgres";

    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => TestDatabase.Sqlite(),
        DatabaseProvider.Postgres => TestDatabase.Postgres(),
    };
}

public sealed class TestDatabase : IDisposable
{
    private readonly Action _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static TestDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "governance-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "governance.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", () =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is removed with the temp folder later.
            }
        });
    }

    public static TestDatabase Postgres()
    {
        var name = "governance_test_" + Guid.NewGuid().ToString("N")[..12];
        var server = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer);
        var database = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = name, Pooling = false };
        return new TestDatabase(DatabaseProvider.Postgres, database.ConnectionString, () =>
        {
            using var connection = new NpgsqlConnection(server.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        });
    }

    public void Dispose() => _drop();
}
