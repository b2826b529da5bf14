using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Tests.ReportingCycles;

/// <summary>
/// Many cycles moved in one save on PostgreSQL go in with one set-based UPDATE (see PostgresChangedRows): the rows end
/// as EF would write them, the context can move them again, and a cycle someone else changed meanwhile fails the whole
/// save with nothing written.
/// </summary>
public sealed class PostgresChangedRowsTests : IDisposable
{
    private const int Count = 80;
    private readonly SqliteSystemDatabase _database = new(DatabaseProvider.Postgres);

    [Fact]
    public async Task Many_moved_cycles_are_stored_with_their_versions_and_journal_and_can_move_again()
    {
        var seeded = await SeedOpenCyclesAsync();

        await using (var db = _database.CreateContext())
        {
            var cycles = await db.ReportingCycles.ToListAsync();
            Move(cycles, ReportingCycleStatus.Collecting);
            await db.SaveChangesAsync();
            Assert.All(db.ChangeTracker.Entries<ReportingCycle>(), e => Assert.Equal(EntityState.Unchanged, e.State));
            await using (var peek = _database.CreateContext())
            {
                // The entities hold what was written, and the values read are now those.
                var inDb = await peek.ReportingCycles.AsNoTracking().SingleAsync(c => c.Id == cycles[0].Id);
                Assert.Equal((inDb.Version, inDb.Status), (cycles[0].Version, cycles[0].Status));
                Assert.Equal(inDb.Version, db.Entry(cycles[0]).Property(c => c.Version).OriginalValue);
            }

            // The same context moves them again: the values it wrote are now the ones it read.
            Move(cycles, ReportingCycleStatus.Cancelled);
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var stored = await check.ReportingCycles.AsNoTracking().ToListAsync();
        Assert.Equal(Count, stored.Count);
        Assert.All(stored, c => Assert.Equal(ReportingCycleStatus.Cancelled, c.Status));
        Assert.All(stored, c => Assert.Equal(seeded + 2, c.Version));
        Assert.All(stored, c => Assert.Equal(
            [ReportingCycleStatus.Open, ReportingCycleStatus.Collecting, ReportingCycleStatus.Cancelled],
            c.Journal.OrderBy(j => j.Sequence).Select(j => j.To)));
    }

    [Fact]
    public async Task A_cycle_changed_meanwhile_fails_the_whole_save_and_nothing_is_written()
    {
        var seeded = await SeedOpenCyclesAsync();
        await using var db = _database.CreateContext();
        var cycles = await db.ReportingCycles.ToListAsync();

        await using (var other = _database.CreateContext())
        {
            var one = await other.ReportingCycles.SingleAsync(c => c.Id == cycles[Count / 2].Id);
            Move([one], ReportingCycleStatus.Cancelled);
            await other.SaveChangesAsync();
        }

        Move(cycles, ReportingCycleStatus.Collecting);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.All(db.ChangeTracker.Entries<ReportingCycle>(), e => Assert.Equal(EntityState.Modified, e.State));

        await using var check = _database.CreateContext();
        var stored = await check.ReportingCycles.AsNoTracking().ToListAsync();
        Assert.Equal(Count - 1, stored.Count(c => c.Status == ReportingCycleStatus.Open && c.Version == seeded && c.Journal.Count == 1));
        Assert.Single(stored, c => c.Status == ReportingCycleStatus.Cancelled && c.Journal.Count == 2);
    }

    public void Dispose() => _database.Dispose();

    private static void Move(IEnumerable<ReportingCycle> cycles, ReportingCycleStatus to)
    {
        foreach (var cycle in cycles)
        {
            cycle.EnterStatus(to, Cycles.Now, "Test", "test", "reden");
        }
    }

    /// <summary>Open cycles saved the usual way; their obligation, municipality and indicators are not what this is about.</summary>
    /// <returns>The version the cycles were saved with.</returns>
    private async Task<int> SeedOpenCyclesAsync()
    {
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
        db.ReportingCycles.AddRange(Enumerable.Range(0, Count).Select(_ => Cycles.InStatus(ReportingCycleStatus.Open)));
        await db.SaveChangesAsync();
        return await db.ReportingCycles.Select(c => c.Version).Distinct().SingleAsync();
    }
}
