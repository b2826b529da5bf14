using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Workflows.Tests.ReportingCycles;

public sealed class RecordIndicatorValueTests : IDisposable
{
    private readonly SqliteSystemDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly ReportingCycle _cycle;

    public RecordIndicatorValueTests()
    {
        using var db = _database.CreateContext();
        _cycle = Cycles.Planned();
        new ReportingCycleWorkflow(_cycle, Cycles.Now, "Planning").Fire(ReportingCycleWorkflow.Trigger.Open);
        // The cycle's obligation, municipality and team are not what these tests are about: skip their rows.
        db.Database.OpenConnection();
        db.Database.ExecuteSqlRaw("PRAGMA foreign_keys = OFF;");
        db.Add(Cycles.Count);
        db.Add(Cycles.Share);
        db.Add(_cycle);
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_cycle_collects_with_the_first_value_and_is_complete_when_every_value_is_submitted_or_explained()
    {
        var count = _cycle.TaskFor(Cycles.Count.Id)!;
        var share = _cycle.TaskFor(Cycles.Share.Id)!;
        var first = await Record(count.Id, c => c with { Number = 2834 }, version: 0);
        Assert.Equal((IndicatorTaskStatus.Submitted, ReportingCycleStatus.Collecting), (first.Value.TaskStatus, first.Value.CycleStatus));

        var draft = await Record(share.Id, c => c with { Number = 93.9m, Intent = ValueIntent.SaveDraft }, first.Value.CycleVersion);
        Assert.Equal((IndicatorTaskStatus.DraftSaved, ReportingCycleStatus.Collecting), (draft.Value.TaskStatus, draft.Value.CycleStatus));

        var last = await Record(share.Id, c => c with { NotAvailableReason = "Nog geen cijfers: de registratie wordt omgezet." }, draft.Value.CycleVersion);
        Assert.Equal((IndicatorTaskStatus.NotAvailable, ReportingCycleStatus.Complete), (last.Value.TaskStatus, last.Value.CycleStatus));

        await using var db = _database.CreateContext();
        var stored = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync();
        Assert.Equal([ReportingCycleStatus.Open, ReportingCycleStatus.Collecting, ReportingCycleStatus.Complete], stored.Journal.Select(j => j.To));
        Assert.Equal(2, stored.TaskFor(Cycles.Share.Id)!.Values.Count);
    }

    [Fact]
    public async Task A_value_for_another_team_or_on_a_stale_version_changes_nothing()
    {
        var task = _cycle.TaskFor(Cycles.Count.Id)!;
        Assert.IsType<Forbidden>((await Record(task.Id, c => c with { Number = 1, ActingTeamId = Guid.NewGuid() }, 0)).Error);
        Assert.IsType<Conflict>((await Record(task.Id, c => c with { Number = 1 }, 7)).Error);
        Assert.IsType<Invalid>((await Record(task.Id, c => c with { Number = -1 }, 0)).Error);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.RecordedValues.CountAsync());
        Assert.Equal(ReportingCycleStatus.Open, (await db.ReportingCycles.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_large_change_on_the_previous_period_is_submitted_only_with_an_explanation()
    {
        await using (var db = _database.CreateContext())
        {
            db.Database.OpenConnection();
            db.Database.ExecuteSqlRaw("PRAGMA foreign_keys = OFF;");
            db.Add(Cycles.Imported(ReportingPeriod.Quarter(2025, 3), count: 2_000, share: 93.9m));
            await db.SaveChangesAsync();
        }

        var task = _cycle.TaskFor(Cycles.Count.Id)!;
        var refused = await Record(task.Id, c => c with { Number = 2_834 }, 0);
        var invalid = Assert.IsType<Invalid>(refused.Error);
        Assert.Contains("2.000", Assert.Single(invalid.Fields["explanation"]), StringComparison.Ordinal);

        var draft = await Record(task.Id, c => c with { Number = 2_834, Intent = ValueIntent.SaveDraft }, 0);
        Assert.Equal(IndicatorTaskStatus.DraftSaved, draft.Value.TaskStatus);
        var small = await Record(_cycle.TaskFor(Cycles.Share.Id)!.Id, c => c with { Number = 95.1m }, draft.Value.CycleVersion);
        Assert.Equal(IndicatorTaskStatus.Submitted, small.Value.TaskStatus);
        var explained = await Record(task.Id, c => c with { Number = 2_834, Explanation = "Nieuwe aanmeldroute sinds juli." }, small.Value.CycleVersion);
        Assert.Equal((IndicatorTaskStatus.Submitted, ReportingCycleStatus.Complete), (explained.Value.TaskStatus, explained.Value.CycleStatus));
    }

    private async Task<Result<RecordedValueReceipt>> Record(IndicatorTaskId taskId, Func<RecordIndicatorValueCommand, RecordIndicatorValueCommand> shape, int version)
    {
        var command = shape(new RecordIndicatorValueCommand
        {
            CycleId = _cycle.Id.Value,
            TaskId = taskId.Value,
            RecordedBy = "Sanne Peeters",
            ActingTeamId = _cycle.Tasks[0].TeamId.Value,
            Version = version,
        });
        return await new RecordIndicatorValueHandler(new Factory(_database), _time, ValueRules.Default).Handle(command, CancellationToken.None);
    }

    private sealed class Factory(ISystemDatabase database) : IDbContextFactory<GovernanceDbContext>
    {
        public GovernanceDbContext CreateDbContext() => database.CreateContext();
    }
}
