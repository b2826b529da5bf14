using Governance.Domain.Persistence;
using Governance.Domain.Persistence.Postgres;
using Governance.Domain.Persistence.Sqlite;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Tests.Persistence;

/// <summary>
/// The opening's bulk writers (SQLite's row statements, PostgreSQL's binary COPY) write a cycle, its journal lines and its
/// tasks as exactly the rows EF writes for the same aggregate: the columns come from the model, not from a list by hand.
/// </summary>
public abstract class BulkCycleRowsTests(DatabaseProvider provider) : IDisposable
{
    private readonly SqliteSystemDatabase _tracked = new(provider);
    private readonly SqliteSystemDatabase _bulk = new(provider);

    public void Dispose()
    {
        _tracked.Dispose();
        _bulk.Dispose();
    }

    [Fact]
    public async Task A_cycle_with_its_journal_and_tasks_is_written_as_EF_writes_it()
    {
        var cycle = Cycles.Planned();
        new ReportingCycleWorkflow(cycle, Cycles.Now, "Planning").Fire(ReportingCycleWorkflow.Trigger.Open);
        Assert.NotEmpty(cycle.Journal);
        Assert.NotEmpty(cycle.Tasks);

        await using (var db = await WithoutForeignKeysAsync(_tracked))
        {
            db.Add(cycle);
            await db.SaveChangesAsync();
        }

        await using (var db = await WithoutForeignKeysAsync(_bulk))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var written = db.Database.IsSqlite() ? SqliteRows.Insert(db, [cycle], CancellationToken.None) : await PostgresCopy.InsertAsync(db, [cycle], CancellationToken.None);
            await transaction.CommitAsync();
            Assert.Equal(1 + cycle.Journal.Count + cycle.Tasks.Count, written);
        }

        var expected = await RowsAsync(_tracked);
        Assert.Equal(3, expected.Select(r => r.Table).Distinct().Count());
        Assert.Equal(expected, await RowsAsync(_bulk));
    }

    /// <summary>The cycle's obligation, municipality, indicators and team are not what this test is about: their rows are skipped.</summary>
    private static async Task<GovernanceDbContext> WithoutForeignKeysAsync(SqliteSystemDatabase database)
    {
        var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(database.Provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");
        return db;
    }

    /// <summary>Every column of the three tables, by name, in a stable order; the journal's database-numbered key left out.</summary>
    private static async Task<List<(string Table, string Row)>> RowsAsync(SqliteSystemDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var rows = new List<(string, string)>();
        foreach (var (table, order) in new[] { ("ReportingCycles", "\"Id\""), ("ReportingCycleJournal", "\"CycleId\", \"Sequence\""), ("IndicatorTasks", "\"Id\"") })
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {order}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((table, string.Join("|", Enumerable.Range(0, reader.FieldCount)
                    .Where(i => !(table == "ReportingCycleJournal" && reader.GetName(i) == "Id"))
                    .OrderBy(reader.GetName, StringComparer.Ordinal)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : $"{reader.GetDataTypeName(i)}:{reader.GetValue(i)}")}"))));
            }
        }

        return rows;
    }
}

public sealed class SqliteBulkCycleRowsTests() : BulkCycleRowsTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkCycleRowsTests() : BulkCycleRowsTests(DatabaseProvider.Postgres);
