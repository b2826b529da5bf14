namespace Governance.Domain.Indicators;

public enum IndicatorKind
{
    /// <summary>A whole, non-negative number of things (applications, residents, young people).</summary>
    Count,

    /// <summary>A share from 0 to 100; changes are compared in percentage points.</summary>
    Percentage,

    /// <summary>An amount in euros; may be negative (a deficit).</summary>
    Amount,

    /// <summary>A non-negative duration in the indicator's unit (days, weeks, months).</summary>
    Duration,

    /// <summary>A qualitative information item: text.</summary>
    Narrative,

    /// <summary>Numbers per category (per target group, provision, neighbourhood).</summary>
    Breakdown,
}

/// <summary>Which way of change is good for the indicator; neutral when the council asked only to be informed.</summary>
public enum GoodDirection
{
    Neutral,
    Up,
    Down,
}

public static class IndicatorKindExtensions
{
    public static bool IsNumeric(this IndicatorKind kind) =>
        kind is IndicatorKind.Count or IndicatorKind.Percentage or IndicatorKind.Amount or IndicatorKind.Duration;
}
