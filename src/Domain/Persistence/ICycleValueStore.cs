using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Domain.Persistence;

/// <summary>
/// Where a batch of submitted values reads what it needs and saves what it changed. The value writer's batch (Workflows' CycleValueBatch)
/// decides what to read and applies the rules; a store only reads and writes rows: through EF's change tracker
/// (EfCycleValueStore, a submission checked or tried on its own) or with the provider's own statements
/// (<see cref="StatementCycleValueStore"/>, the writer's batches).
/// </summary>
internal interface ICycleValueStore
{
    /// <summary>The answers already given to these principals' keys.</summary>
    Task<IReadOnlyList<IdempotencyRecord>> AnsweredAsync(IReadOnlyList<string> principals, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// The cycles, each with only its tasks of these indicator codes, each task with its latest value (appending needs
    /// no more), and the code of each of those tasks' indicators.
    /// </summary>
    Task<(Dictionary<ReportingCycleId, ReportingCycle> Cycles, Dictionary<IndicatorId, string> Codes)> CyclesAsync(
        IReadOnlyList<ReportingCycleId> cycleIds, IReadOnlyList<string> codes, CancellationToken cancellationToken);

    /// <summary>
    /// The indicators' handed-in values (a new figure is compared with the latest earlier one): of every period, or with
    /// <paramref name="periods"/> of those periods only.
    /// </summary>
    Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>>> HistoriesAsync(IReadOnlyCollection<IndicatorId> indicatorIds, IReadOnlyCollection<ReportingPeriod>? periods,
        CancellationToken cancellationToken);

    /// <summary>
    /// Saves the changed cycles (their tasks, new values and journal lines) and the new answers in one transaction, then
    /// publishes the domain events. A change someone else saved meanwhile fails it whole with a <see cref="DbUpdateException"/>.
    /// </summary>
    Task SaveAsync(IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers, CancellationToken cancellationToken);
}
