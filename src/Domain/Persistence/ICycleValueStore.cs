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
    /// <summary>
    /// What a batch needs, read together: the answers already given to its keys; its cycles, each with only its tasks of
    /// the named indicator codes, each task with its latest value (appending needs no more), and the code of each of
    /// those tasks' indicators; and the handed-in values, every period, of the indicators of those tasks whose code is
    /// in <see cref="CycleValueQuery.ComparedCodes"/> (a new figure is compared with the latest earlier one).
    /// </summary>
    Task<CycleValueRows> ReadAsync(CycleValueQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the changed cycles (their tasks, new values and journal lines) and the new answers in one transaction, then
    /// publishes the domain events. A change someone else saved meanwhile fails it whole with a <see cref="DbUpdateException"/>.
    /// </summary>
    Task SaveAsync(IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers, CancellationToken cancellationToken);
}

/// <summary>
/// What a batch of submissions reads: the keys given with them (by principal), their cycles, the indicator codes they
/// name and, of those, the codes of figures to compare with the indicator's history. Codes are trimmed and in upper case.
/// </summary>
internal sealed record CycleValueQuery(
    IReadOnlyList<string> Principals, IReadOnlyList<string> Keys, IReadOnlyList<ReportingCycleId> Cycles, IReadOnlyList<string> Codes, IReadOnlyList<string> ComparedCodes);

/// <summary>What <see cref="ICycleValueStore.ReadAsync"/> found; the histories are by indicator, an empty list for one without any.</summary>
internal sealed record CycleValueRows(
    IReadOnlyList<IdempotencyRecord> Answered,
    Dictionary<ReportingCycleId, ReportingCycle> Cycles,
    Dictionary<IndicatorId, string> Codes,
    IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>> Histories)
{
    /// <summary>The indicators of the tasks read whose code is compared: those whose history is read.</summary>
    public static IReadOnlyList<IndicatorId> Compared(Dictionary<IndicatorId, string> codes, IReadOnlyList<string> comparedCodes) =>
        [.. codes.Where(c => comparedCodes.Contains(c.Value, StringComparer.OrdinalIgnoreCase)).Select(c => c.Key)];
}
