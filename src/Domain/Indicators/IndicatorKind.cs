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

    /// <summary>The figures are in euros: an amount, or a breakdown whose unit is EUR.</summary>
    public static bool IsInEuros(this IndicatorKind kind, string? unit) =>
        kind == IndicatorKind.Amount || (kind == IndicatorKind.Breakdown && unit?.Trim() == "EUR");
}

/// <summary>What the categories of a breakdown are to each other: it decides what may be added up and what a letter shows.</summary>
public enum BreakdownNature
{
    /// <summary>Separate measures that must not be added (inflow, outflow and throughflow): each is shown for itself.</summary>
    Separate,

    /// <summary>Parts of one whole (clients per provision): the total is shown, with each part's share of it.</summary>
    Parts,

    /// <summary>
    /// A budget line in euros: budgeted, realised to date and the expected exhaustion, in that order. A letter shows the
    /// expected over- or underspend in euros and per cent, a tegenvaller or a meevaller.
    /// </summary>
    Budget,
}
