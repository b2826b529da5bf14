using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// The values an indicator had in earlier periods: what entry compares a new value with (previous period,
/// same period last year) and what the trend chart draws. One value per period, the latest handed in;
/// drafts do not count.
/// </summary>
public static class IndicatorHistory
{
    public static async Task<IReadOnlyList<PeriodValue>> LoadAsync(GovernanceDbContext db, IndicatorId indicatorId, CancellationToken cancellationToken) =>
        (await LoadManyAsync(db, [indicatorId], cancellationToken))[indicatorId];

    /// <summary>
    /// The histories of several indicators in one query (a letter reads those of all its indicators); with
    /// <paramref name="periods"/>, only those periods (the previous one a new value is compared with).
    /// </summary>
    public static async Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>>> LoadManyAsync(
        GovernanceDbContext db, IReadOnlyCollection<IndicatorId> indicatorIds, CancellationToken cancellationToken, IReadOnlyCollection<ReportingPeriod>? periods = null)
    {
        var done = ReportingStatusExtensions.DoneStatuses;
        var ids = indicatorIds.Distinct().ToList();
        var only = periods?.Distinct().ToList();
        // Each task's latest value only (the one it stands at), found by the task's (TaskId, Sequence) index.
        var latest = await (from t in db.IndicatorTasks
                            join c in db.ReportingCycles on t.CycleId equals c.Id
                            join v in db.RecordedValues on t.Id equals EF.Property<IndicatorTaskId>(v, "TaskId")
                            where EF.Parameter(ids).Contains(t.IndicatorId) && done.Contains(t.Status) && (only == null || only.Contains(c.Period))
                                  && v.Sequence == db.RecordedValues.Where(w => EF.Property<IndicatorTaskId>(w, "TaskId") == t.Id).Max(w => w.Sequence)
                            select new { c.Period, t.IndicatorId, t.DefinitionVersion, v.Value, v.Explanation, v.Source, v.RecordedAtUtc })
            .AsNoTracking().ToListAsync(cancellationToken);
        return PeriodValue.ByIndicator(ids, latest.Select(t => (t.IndicatorId, new PeriodValue(t.Period, t.Value, t.Explanation, t.Source, t.RecordedAtUtc, t.DefinitionVersion))));
    }

    /// <summary>
    /// The latest figure handed in for an earlier period of the same length as <paramref name="period"/> (the previous
    /// quarter, or further back when that one has none: a quarter is not compared with a year); a value that was not
    /// available has no figure.
    /// </summary>
    public static EarlierFigure? LatestFigureBefore(this IReadOnlyList<PeriodValue> history, ReportingPeriod period, IndicatorDefinition definition) =>
        history.LatestBefore(period, definition) is { } latest ? new EarlierFigure(latest.Period, latest.Value.FigureFor(definition)!.Value) : null;

    /// <summary>The value behind <see cref="LatestFigureBefore"/>: the latest handed in with a figure, for an earlier period of the same length.</summary>
    public static PeriodValue? LatestBefore(this IReadOnlyList<PeriodValue> history, ReportingPeriod period, IndicatorDefinition definition) =>
        history.Where(v => v.Period.Kind == period.Kind && v.Period.End < period.End && v.Value.FigureFor(definition) is not null)
            .OrderByDescending(v => v.Period.End).ThenByDescending(v => v.Period)
            .FirstOrDefault();

    /// <summary>The value of a period, if one was handed in.</summary>
    public static PeriodValue? For(this IReadOnlyList<PeriodValue> history, ReportingPeriod? period) =>
        period is { } p ? history.SingleOrDefault(v => v.Period == p) : null;
}
