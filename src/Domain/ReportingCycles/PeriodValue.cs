using Governance.Domain.Indicators;

namespace Governance.Domain.ReportingCycles;

/// <summary>
/// An indicator's value in one period, as handed in (submitted, or not available with its reason), under the version of
/// the indicator's definition its task was opened with.
/// </summary>
public sealed record PeriodValue(ReportingPeriod Period, IndicatorValue Value, string? Explanation, string? Source, DateTime RecordedAtUtc, int DefinitionVersion)
{
    /// <summary>The histories from the tasks' latest handed-in values, however read: per period the latest, oldest period first.</summary>
    public static IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>> ByIndicator(IEnumerable<IndicatorId> indicatorIds, IEnumerable<(IndicatorId IndicatorId, PeriodValue Value)> latest)
    {
        var byIndicator = latest.ToLookup(t => t.IndicatorId, t => t.Value);
        return indicatorIds.Distinct().ToDictionary(id => id, id => (IReadOnlyList<PeriodValue>)[.. byIndicator[id]
            .GroupBy(v => v.Period)
            .Select(g => g.MaxBy(v => v.RecordedAtUtc)!)
            .OrderBy(v => v.Period)]);
    }
}
