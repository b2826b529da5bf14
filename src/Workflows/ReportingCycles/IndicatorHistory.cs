using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>An indicator's value in one period, as handed in (submitted, or not available with its reason).</summary>
public sealed record PeriodValue(ReportingPeriod Period, IndicatorValue Value, string? Explanation, string? Source, DateTime RecordedAtUtc);

/// <summary>
/// The values an indicator had in earlier periods: what entry compares a new value with (previous period,
/// same period last year) and what the trend chart draws. One value per period, the latest handed in;
/// drafts do not count.
/// </summary>
public static class IndicatorHistory
{
    public static async Task<IReadOnlyList<PeriodValue>> LoadAsync(GovernanceDbContext db, IndicatorId indicatorId, CancellationToken cancellationToken) =>
        (await LoadManyAsync(db, [indicatorId], cancellationToken))[indicatorId];

    /// <summary>The histories of several indicators in one query (a letter reads those of all its indicators).</summary>
    public static async Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>>> LoadManyAsync(
        GovernanceDbContext db, IReadOnlyCollection<IndicatorId> indicatorIds, CancellationToken cancellationToken)
    {
        var done = ReportingStatusExtensions.DoneStatuses;
        var ids = indicatorIds.Distinct().ToList();
        var tasks = await (from t in db.IndicatorTasks.AsNoTracking().Include(t => t.Values)
                           join c in db.ReportingCycles on t.CycleId equals c.Id
                           where ids.Contains(t.IndicatorId) && done.Contains(t.Status)
                           select new { c.Period, Task = t })
            .ToListAsync(cancellationToken);
        var byIndicator = tasks.Where(t => t.Task.CurrentValue is not null).ToLookup(t => t.Task.IndicatorId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<PeriodValue>)[.. byIndicator[id]
            .Select(t => new PeriodValue(t.Period, t.Task.CurrentValue!.Value, t.Task.CurrentValue.Explanation, t.Task.CurrentValue.Source, t.Task.CurrentValue.RecordedAtUtc))
            .GroupBy(v => v.Period)
            .Select(g => g.MaxBy(v => v.RecordedAtUtc)!)
            .OrderBy(v => v.Period)]);
    }

    /// <summary>The value of a period, if one was handed in.</summary>
    public static PeriodValue? For(this IReadOnlyList<PeriodValue> history, ReportingPeriod? period) =>
        period is { } p ? history.SingleOrDefault(v => v.Period == p) : null;
}
