using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Governance.Domain.Persistence.Postgres;

/// <summary>
/// Writes new aggregates with PostgreSQL's binary COPY (Npgsql's importer), a table at a time, inside the context's
/// transaction: the tables <see cref="AggregateTables"/> reads from the EF model (a cycle, its journal lines, its tasks),
/// so the rows are what EF would write. Constraints still apply (a duplicate fails the COPY). The rows are not tracked.
/// </summary>
public static class PostgresCopy
{
    /// <summary>
    /// Writes the aggregates and returns how many rows went in, over all tables. With <paramref name="skipExisting"/> (rows
    /// of one table only) the rows go through a temporary table and in with ON CONFLICT DO NOTHING: a row a unique index
    /// already holds is left out, as SQLite's INSERT OR IGNORE does (notifications sent once).
    /// </summary>
    public static async Task<int> InsertAsync<T>(GovernanceDbContext db, IReadOnlyCollection<T> roots, CancellationToken cancellationToken, bool skipExisting = false)
        where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("COPY runs inside a transaction, so that an aggregate is written whole or not at all.");
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = AggregateTables.Of(entity);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var previous = await SetSequentialScansAsync(connection, "off", cancellationToken);
        var written = await InsertAsync(connection, table, roots, skipExisting, cancellationToken);
        await SetSequentialScansAsync(connection, previous, cancellationToken);
        return written;
    }

    /// <summary>
    /// Each row's foreign keys are checked by a query of PostgreSQL's own, planned on a connection's first rows and kept.
    /// For a table of a few dozen rows (teams, indicators, municipalities) the planner picks reading the whole table, for
    /// every row written; planned without sequential scans, it looks the key up in the primary key instead (the opening of
    /// 100,000 cycles: 27–30 s instead of 34–39 s, docs/benchmarks.md). Set for the transaction (<c>set_config</c>'s
    /// local flag) and put back after the rows are in; returns the setting it replaced.
    /// </summary>
    private static async Task<string> SetSequentialScansAsync(NpgsqlConnection connection, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', $1, true)", connection)
        {
            Parameters = { new() { Value = value } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetString(0);
    }

    private static async Task<int> InsertAsync<T>(NpgsqlConnection connection, AggregateTables.Table table, IReadOnlyCollection<T> roots, bool skipExisting,
        CancellationToken cancellationToken)
        where T : class
    {
        var rows = roots.Select(r => ((object)r, (object?)null)).ToList();
        if (!skipExisting)
        {
            return await WriteAsync(connection, table, Quoted(table.Name), rows, cancellationToken);
        }

        if (table.Children.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has rows in other tables; leaving out existing rows takes rows of one table.");
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using (var stage = new NpgsqlCommand($"CREATE TEMP TABLE IF NOT EXISTS governance_staged (LIKE {Quoted(table.Name)}) ON COMMIT DROP", connection))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteAsync(connection, table with { Children = [] }, "governance_staged", rows, cancellationToken);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {Quoted(table.Name)} ({columns}) SELECT {columns} FROM governance_staged ON CONFLICT DO NOTHING; DROP TABLE governance_staged", connection);
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> WriteAsync(NpgsqlConnection connection, AggregateTables.Table table, string into, List<(object Item, object? Parent)> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var copy = $"COPY {into} ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var (item, parent) in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    await WriteAsync(importer, column.Value(item, parent), column.StoreType, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var written = rows.Count;
        foreach (var child in table.Children)
        {
            var children = AggregateTables.RowsOf(child, rows);
            written += await WriteAsync(connection, child.Table, Quoted(child.Table.Name), children, cancellationToken);
        }

        return written;
    }

    /// <summary>The table's name as PostgreSQL is given it: quoted, with its schema if it has one.</summary>
    internal static string Quoted(StoreObjectIdentifier table) =>
        string.IsNullOrEmpty(table.Schema) ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";

    /// <summary>One value of a row being copied, or NULL, as the column's store type.</summary>
    internal static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, string dataType, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, dataType, cancellationToken);
}
