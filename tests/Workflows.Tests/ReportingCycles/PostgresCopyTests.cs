using Governance.Domain.Persistence;
using Governance.Domain.Persistence.Postgres;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Tests.ReportingCycles;

/// <summary>
/// The opening's bulk path on PostgreSQL: cycles written through binary COPY (with their journal lines, tasks and any
/// values) are the very rows EF writes for them, column by column, on two copies of one database.
/// </summary>
public sealed class PostgresCopyTests : IDisposable
{
    private readonly SqliteSystemDatabase _tracked = new(DatabaseProvider.Postgres);
    private readonly SqliteSystemDatabase _copied = new(DatabaseProvider.Postgres);

    [Fact]
    public async Task Cycles_written_by_COPY_are_the_rows_EF_writes()
    {
        var opened = Cycles.Planned();
        new ReportingCycleWorkflow(opened, Cycles.Now, "Governance (planning)").Fire(ReportingCycleWorkflow.Trigger.Open);
        List<ReportingCycle> cycles = [Cycles.Planned(), opened, Cycles.Imported(ReportingPeriod.Quarter(2025, 2), count: 1_950, share: 91.5m)];
        Assert.Contains(cycles, c => c.Tasks.Any(t => t.Values.Count > 0));

        await using (var db = _copied.CreateContext())
        {
            await WithoutForeignKeysAsync(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = await PostgresCopy.InsertAsync(db, cycles, CancellationToken.None);
            await transaction.CommitAsync();
            Assert.Equal(cycles.Count + cycles.Sum(c => c.Journal.Count + c.Tasks.Count + c.Tasks.Sum(t => t.Values.Count)), rows);
        }

        await using (var db = _tracked.CreateContext())
        {
            await WithoutForeignKeysAsync(db);
            db.ReportingCycles.AddRange(cycles);
            await db.SaveChangesAsync();
        }

        foreach (var table in new[] { "ReportingCycles", "ReportingCycleJournal", "IndicatorTasks", "RecordedValues" })
        {
            var written = await RowsAsync(_copied, table);
            Assert.NotEmpty(written);
            Assert.Equal(await RowsAsync(_tracked, table), written);
        }
    }

    public void Dispose()
    {
        _tracked.Dispose();
        _copied.Dispose();
    }

    /// <summary>The cycles' obligation, municipality, team and indicators are not what this is about: their rows are left out.</summary>
    private static async Task WithoutForeignKeysAsync(GovernanceDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
    }

    /// <summary>Every row of the table as JSON, in one order; the journal's own number is the database's, not the rows'.</summary>
    private static async Task<List<string>> RowsAsync(SqliteSystemDatabase database, string table)
    {
        await using var db = database.CreateContext();
        var sql = "SELECT (to_jsonb(t) - 'Id')::text AS \"Value\" FROM \"" + table + "\" t ORDER BY 1"; // one of four fixed names
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}
