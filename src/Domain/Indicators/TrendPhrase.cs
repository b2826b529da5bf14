namespace Governance.Domain.Indicators;

public enum Trend
{
    StronglyDown,
    Down,
    SlightlyDown,
    Equal,
    SlightlyUp,
    Up,
    StronglyUp,
}

/// <summary>
/// Bounds between the trend words. A change smaller than <see cref="Equal"/> is "gelijk gebleven",
/// smaller than <see cref="Slight"/> "licht", smaller than <see cref="Strong"/> plain, else "sterk".
/// Relative for counts, amounts and durations (in %); in percentage points for percentages.
/// </summary>
/// <remarks>
/// The defaults reproduce the words of the Monitor Sociaal Domein 2021 on its own figures: +0,2 % and +1 % are
/// "licht gestegen", −1,7 % and +6,5 % plain, −13 % "aanzienlijk" (strongly) down; in points −0,2 is "licht gedaald",
/// +0,6 and +5 plain "gestegen".
/// </remarks>
public sealed record TrendThresholds(decimal Equal, decimal Slight, decimal Strong)
{
    public static TrendThresholds DefaultRelative { get; } = new(0.1m, 1.5m, 10m);

    public static TrendThresholds DefaultPercentagePoints { get; } = new(0.1m, 0.5m, 10m);

    /// <summary>Whether the bounds rise: 0 &lt;= equal &lt; slight &lt; strong.</summary>
    public bool IsOrdered => Equal >= 0 && Equal < Slight && Slight < Strong && Strong <= 1_000;

    public TrendThresholds Checked() =>
        IsOrdered ? this : throw new Common.DomainRuleException("Trend bounds rise: 0 <= equal < slight < strong <= 1000.");
}

/// <summary>The measured change between two values and the neutral words that state it.</summary>
public sealed record TrendPhrase(Trend Trend, decimal Change, bool InPercentagePoints)
{
    /// <summary>The neutral Dutch phrase: "gelijk gebleven", "licht gestegen", "sterk gedaald"…</summary>
    public string Dutch => Trend switch
    {
        Trend.StronglyDown => "sterk gedaald",
        Trend.Down => "gedaald",
        Trend.SlightlyDown => "licht gedaald",
        Trend.Equal => "gelijk gebleven",
        Trend.SlightlyUp => "licht gestegen",
        Trend.Up => "gestegen",
        Trend.StronglyUp => "sterk gestegen",
    };

    public string English => Trend switch
    {
        Trend.StronglyDown => "strongly down",
        Trend.Down => "down",
        Trend.SlightlyDown => "slightly down",
        Trend.Equal => "unchanged",
        Trend.SlightlyUp => "slightly up",
        Trend.Up => "up",
        Trend.StronglyUp => "strongly up",
    };

    public static TrendPhrase Describe(IndicatorKind kind, decimal current, decimal comparison, TrendThresholds? relative = null, TrendThresholds? points = null)
    {
        if (!kind.IsNumeric() && kind != IndicatorKind.Breakdown)
        {
            throw new ArgumentException($"A {kind} indicator has no trend.", nameof(kind));
        }

        var inPoints = kind == IndicatorKind.Percentage;
        var thresholds = inPoints ? points ?? TrendThresholds.DefaultPercentagePoints : relative ?? TrendThresholds.DefaultRelative;
        decimal change;
        if (inPoints)
        {
            change = current - comparison;
        }
        else if (comparison == 0)
        {
            // From nothing to something is a strong change whatever its size.
            change = current == 0 ? 0 : Math.Sign(current) * decimal.MaxValue;
        }
        else
        {
            change = (current - comparison) / Math.Abs(comparison) * 100m;
        }

        // The word follows the change as it is printed, to one decimal: +0,98 % reads "+1,0 %" and so is not "gelijk gebleven".
        var extreme = change == decimal.MaxValue || change == decimal.MinValue;
        var size = Math.Abs(extreme ? change : decimal.Round(change, 1, MidpointRounding.AwayFromZero));
        var up = change > 0;
        var trend = size < thresholds.Equal ? Trend.Equal
            : size < thresholds.Slight ? (up ? Trend.SlightlyUp : Trend.SlightlyDown)
            : size < thresholds.Strong ? (up ? Trend.Up : Trend.Down)
            : (up ? Trend.StronglyUp : Trend.StronglyDown);
        return new TrendPhrase(trend, extreme ? change : decimal.Round(change, 2), inPoints);
    }
}
