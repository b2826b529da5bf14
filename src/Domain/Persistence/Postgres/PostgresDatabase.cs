using Npgsql;

namespace Governance.Domain.Persistence.Postgres;

internal static class PostgresDatabase
{
    /// <summary>
    /// Makes the database when it is not there yet, so that the start-up lock (which lives in the database) can be taken
    /// before the migrations run. Processes that race to make it all go on: the losers find it made.
    /// </summary>
    public static void EnsureExists(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        try
        {
            using var probe = new NpgsqlConnection(target.ConnectionString);
            probe.Open();
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Not there yet: made below.
        }

        var name = target.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            create.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process made it first.
        }
    }
}
