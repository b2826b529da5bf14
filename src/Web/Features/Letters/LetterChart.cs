using Governance.Workflows.Letters;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The geometry of a letter's chart of one numeric indicator: the series over time, dashed baseline and
/// target lines and a scale with five grid lines. The HTML (SVG), the DOCX (PNG) and the PDF (vector) draw
/// the same chart from it, so every output shows the same picture.
/// </summary>
public sealed class LetterChart
{
    public const double Width = 560, Height = 220;
    private const double Left = 70, Right = 16, Top = 16, Bottom = 36;

    public sealed record GridLine(double Y, string Label);

    public sealed record ReferenceLine(double Y, string Label, string Colour, double[] Dash);

    public sealed record Point(double X, double? Y, string Label);

    private readonly decimal _min;
    private readonly decimal _max;

    public LetterChart(LetterItem item)
    {
        Item = item;
        var values = item.Series.Where(p => p.Value is not null).Select(p => p.Value!.Value)
            .Concat(new[] { item.BaselineValue, item.TargetValue }.OfType<decimal>()).DefaultIfEmpty(0).ToList();
        _min = Math.Min(0, values.Min());
        _max = values.Max() == _min ? _min + 1 : values.Max();

        GridLines = [.. Enumerable.Range(0, 5).Select(i => _min + (_max - _min) * i / 4)
            .Select(v => new GridLine(Y(v), v.ToString("N" + Math.Min(item.Decimals, 1), LetterFigures.Dutch)))];
        ReferenceLines = [.. new[] { (item.BaselineValue, "nulmeting", "#6d4c41", new[] { 4d, 3 }), (item.TargetValue, "streefwaarde", "#1b5e20", new[] { 6d, 3 }) }
            .Where(l => l.Item1 is not null)
            .Select(l => new ReferenceLine(Y(l.Item1!.Value), l.Item2, l.Item3, l.Item4))];
        Points = [.. item.Series.Select((p, i) => new Point(X(i), p.Value is { } v ? Y(v) : null, p.Label))];
    }

    public LetterItem Item { get; }

    public double PlotLeft => Left;

    public double PlotRight => Width - Right;

    public double LabelBaseline => Height - 12;

    public IReadOnlyList<GridLine> GridLines { get; }

    public IReadOnlyList<ReferenceLine> ReferenceLines { get; }

    public IReadOnlyList<Point> Points { get; }

    public const string LineColour = "#0d47a1";

    public const string TextColour = "#424242";

    public const string GridColour = "#e0e0e0";

    /// <summary>The chart in words, for its text alternative.</summary>
    public string Summary => $"Grafiek van {Item.Name}: " + string.Join(", ", Item.Series.Select(p => $"{p.Label} {Figure(p.Value)}"))
        + (Item.BaselineValue is { } b ? $"; nulmeting {Figure(b)}" : "") + (Item.TargetValue is { } t ? $"; streefwaarde {Figure(t)}" : "") + ".";

    /// <summary>The rows of the chart's table: the series, then the baseline and the target.</summary>
    public IEnumerable<(string Label, string Value)> Rows()
    {
        foreach (var point in Item.Series)
        {
            yield return (point.Label, Figure(point.Value));
        }

        if (Item.BaselineValue is { } baseline)
        {
            yield return ("Nulmeting", Figure(baseline));
        }

        if (Item.TargetValue is { } target)
        {
            yield return ("Streefwaarde", Figure(target));
        }
    }

    /// <summary>Whether an item gets a chart: numeric, with at least one figure.</summary>
    public static bool Charts(LetterItem item) => item.IsNumeric && item.Series.Any(p => p.Value is not null);

    public string Figure(decimal? value) => value is { } v ? LetterFigures.Measure(v, Item.Decimals, Item.FormattedUnit) : "niet beschikbaar";

    private double X(int i) => Left + (Item.Series.Count == 1 ? (Width - Left - Right) / 2.0 : i * (Width - Left - Right) / (Item.Series.Count - 1));

    private double Y(decimal v) => Top + (double)((_max - v) / (_max - _min)) * (Height - Top - Bottom);
}
