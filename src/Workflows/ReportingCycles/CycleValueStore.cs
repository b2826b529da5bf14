using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>Through EF's change tracker: the cycles are tracked as they load and the save writes whatever they changed.</summary>
internal sealed class EfCycleValueStore(GovernanceDbContext db) : ICycleValueStore
{
    public async Task<IReadOnlyList<IdempotencyRecord>> AnsweredAsync(IReadOnlyList<string> principals, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        // By principal and key, the table's key: it grows with every keyed request.
        await db.IdempotencyRecords.AsNoTracking().Where(r => EF.Parameter(principals).Contains(r.Principal) && EF.Parameter(keys).Contains(r.Key)).ToListAsync(cancellationToken);

    public async Task<(Dictionary<ReportingCycleId, ReportingCycle> Cycles, Dictionary<IndicatorId, string> Codes)> CyclesAsync(
        IReadOnlyList<ReportingCycleId> cycleIds, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        // The cycles without their tasks (the guards read the counts on the cycle), then only the tasks named by code, each
        // with its latest value only: a task's values grow with every correction. They join their cycle and task as they load.
        var cycles = await db.ReportingCycles.Where(c => EF.Parameter(cycleIds).Contains(c.Id)).AsSplitQuery().ToDictionaryAsync(c => c.Id, cancellationToken);
        var tasks = await (from t in db.IndicatorTasks
                           join i in db.Indicators on t.IndicatorId equals i.Id
                           where EF.Parameter(cycleIds).Contains(t.CycleId) && EF.Parameter(codes).Contains(i.Code)
                           select new { Task = t, i.Code }).ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Task.Id).ToList();
        await db.RecordedValues
            .Where(v => EF.Parameter(taskIds).Contains(EF.Property<IndicatorTaskId>(v, "TaskId"))
                        && v.Sequence == db.RecordedValues.Where(w => EF.Property<IndicatorTaskId>(w, "TaskId") == EF.Property<IndicatorTaskId>(v, "TaskId")).Max(w => w.Sequence))
            .LoadAsync(cancellationToken);
        return (cycles, tasks.DistinctBy(t => t.Task.IndicatorId).ToDictionary(t => t.Task.IndicatorId, t => t.Code));
    }

    public Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>>> HistoriesAsync(IReadOnlyCollection<IndicatorId> indicatorIds, IReadOnlyCollection<ReportingPeriod>? periods,
        CancellationToken cancellationToken) =>
        IndicatorHistory.LoadManyAsync(db, indicatorIds, cancellationToken, periods);

    public async Task SaveAsync(IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers, CancellationToken cancellationToken)
    {
        db.IdempotencyRecords.AddRange(answers);
        await db.SaveChangesAsync(cancellationToken);
    }
}
