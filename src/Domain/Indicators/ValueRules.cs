namespace Governance.Domain.Indicators;

/// <summary>
/// The data-quality signal on entry: a value that changed much since the previous period needs a short
/// explanation before it is submitted. Relative for counts, amounts and durations (in %), in percentage
/// points for percentages. Configurable per installation (Governance:Values).
/// </summary>
public sealed record ValueRules
{
    public decimal ExplainRelativeChangeAbove { get; init; } = 25m;

    public decimal ExplainPointsChangeAbove { get; init; } = 5m;

    public static ValueRules Default { get; } = new();

    /// <summary>Whether going from <paramref name="previous"/> to <paramref name="current"/> is a change that needs explaining.</summary>
    public bool NeedsExplanation(IndicatorKind kind, decimal? previous, decimal? current)
    {
        if (previous is not { } before || current is not { } now)
        {
            return false;
        }

        if (kind == IndicatorKind.Percentage)
        {
            return Math.Abs(now - before) > ExplainPointsChangeAbove;
        }

        return before == 0 ? now != 0 : Math.Abs((now - before) / before) * 100m > ExplainRelativeChangeAbove;
    }
}
