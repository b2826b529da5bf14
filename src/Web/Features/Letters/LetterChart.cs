using Governance.Workflows.Letters;
using SkiaSharp;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The one definition of a letter's chart of one numeric indicator, which the HTML (SVG), the DOCX (PNG) and the PDF
/// (vector) draw alike. Periods stand on a true time axis (placed by the date they end, so a gap in time shows as a gap;
/// a period without a figure breaks the line); the scale runs over round Dutch values with the unit above it; the
/// margins are measured from the labels, so no number or period is cut off, and period labels that would overlap are
/// thinned (the table beside the chart has every figure). The nulmeting and the streefwaarde are marked at their dates
/// with the straight line between them; a version stored before dates were kept draws them as horizontal lines.
/// </summary>
public sealed class LetterChart
{
    public const double Width = 560, Height = 220, FontSize = 11;
    private const double Top = 26, Bottom = 34, Gap = 6;

    public sealed record GridLine(double Y, string Label);

    public sealed record ReferenceLine(double Y, string Label, string Colour, double[] Dash);

    /// <summary>A period: where it stands and its label, drawn only when <c>Labelled</c> (labels that would overlap are left out).</summary>
    public sealed record Point(double X, double? Y, string Label, bool Labelled = true);

    /// <summary>The nulmeting or the streefwaarde at its date.</summary>
    public sealed record Mark(double X, double Y, string Label, string Colour);

    /// <summary>The straight line from the nulmeting to the streefwaarde.</summary>
    public sealed record Segment(double X1, double Y1, double X2, double Y2, string Colour, double[] Dash);

    public const string LineColour = "#0d47a1";

    public const string TextColour = "#424242";

    public const string GridColour = "#e0e0e0";

    public const string BaselineColour = "#6d4c41";

    public const string TargetColour = "#1b5e20";

    private static readonly Lazy<SKFont> MeasuringFont = new(() =>
        new SKFont(File.Exists(LetterFonts.Regular) ? SKTypeface.FromFile(LetterFonts.Regular) : SKTypeface.Default, (float)FontSize));

    private readonly decimal _min;
    private readonly decimal _max;
    private readonly double _left;
    private readonly double _right;

    public LetterChart(LetterItem item)
    {
        Item = item;
        var values = item.Series.Where(p => p.Value is not null).Select(p => p.Value!.Value)
            .Concat(new[] { item.BaselineValue, item.TargetValue }.OfType<decimal>()).DefaultIfEmpty(0).ToList();
        var (min, max, step) = Scale(values.Min(), values.Max());
        (_min, _max) = (min, max);
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10((double)step) + 1e-9));
        var ticks = new List<decimal>();
        for (var v = min; v <= max + step / 1000; v += step)
        {
            ticks.Add(v);
        }

        var tickLabels = ticks.Select(v => v.ToString("N" + decimals, LetterFigures.Dutch).Replace('-', '\u2212')).ToList();
        var labels = item.Series.Select(p => p.Label).ToList();
        // Room for the widest scale value on the left, and for half the first and last period label beyond the plot.
        _left = Math.Max(tickLabels.Max(Measure) + 2 * Gap, labels.Count > 0 ? Measure(labels[0]) / 2 + 4 : 0);
        _right = Math.Max(16, labels.Count > 0 ? Measure(labels[^1]) / 2 + 4 : 0);
        GridLines = [.. ticks.Zip(tickLabels, (v, label) => new GridLine(Y(v), label))];
        UnitLabel = Unit(item.FormattedUnit);

        var dated = item.Series.Count > 0 && item.Series.All(p => p.At is not null);
        var baselineAt = dated && item.BaselineValue is not null ? item.BaselineAt : null;
        var targetAt = dated && item.TargetValue is not null ? item.TargetAt : null;
        var dates = item.Series.Select(p => p.At).Append(baselineAt).Append(targetAt).OfType<DateOnly>().ToList();
        Func<int, double> x = dated ? i => X(item.Series[i].At!.Value, dates.Min(), dates.Max()) : Even;
        Points = Thinned([.. item.Series.Select((p, i) => new Point(x(i), p.Value is { } v ? Y(v) : null, p.Label))]);
        Lines = [.. Runs(Points)];

        var marks = new List<Mark>();
        if (baselineAt is { } from && item.BaselineValue is { } baseline)
        {
            marks.Add(new Mark(X(from, dates.Min(), dates.Max()), Y(baseline), "nulmeting", BaselineColour));
        }

        if (targetAt is { } to && item.TargetValue is { } target)
        {
            marks.Add(new Mark(X(to, dates.Min(), dates.Max()), Y(target), "streefwaarde", TargetColour));
        }

        Marks = marks;
        Segments = marks.Count == 2 ? [new Segment(marks[0].X, marks[0].Y, marks[1].X, marks[1].Y, TargetColour, [6, 3])] : [];
        // Without dates the nulmeting and streefwaarde have no place in time: a horizontal line each, as before.
        ReferenceLines = [.. new[] { (item.BaselineValue, baselineAt, "nulmeting", BaselineColour, new[] { 4d, 3 }), (item.TargetValue, targetAt, "streefwaarde", TargetColour, new[] { 6d, 3 }) }
            .Where(l => l.Item1 is not null && l.Item2 is null)
            .Select(l => new ReferenceLine(Y(l.Item1!.Value), l.Item3, l.Item4, l.Item5))];
    }

    public LetterItem Item { get; }

    public double PlotLeft => _left;

    public double PlotRight => Width - _right;

    public double PlotTop => Top;

    public double LabelBaseline => Height - 12;

    /// <summary>The unit above the scale: "%", "€", "€ miljoen", "inwoners"; none for a plain number.</summary>
    public string? UnitLabel { get; }

    public IReadOnlyList<GridLine> GridLines { get; }

    public IReadOnlyList<ReferenceLine> ReferenceLines { get; }

    public IReadOnlyList<Point> Points { get; }

    /// <summary>The line of the series, in runs: a period without a figure breaks it.</summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> Lines { get; }

    public IReadOnlyList<Mark> Marks { get; }

    public IReadOnlyList<Segment> Segments { get; }

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

    /// <summary>The width of a label in chart units, as the letter's font draws it.</summary>
    public static double Measure(string text) => MeasuringFont.Value.MeasureText(text);

    /// <summary>
    /// A scale over round values (1, 2, 2,5 or 5 times a power of ten) in at most five steps; from zero when every
    /// value is positive, so a bar of change is not exaggerated.
    /// </summary>
    public static (decimal Min, decimal Max, decimal Step) Scale(decimal low, decimal high)
    {
        low = Math.Min(0, low);
        if (high <= low)
        {
            high = low + 1;
        }

        var raw = (double)(high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (decimal)(new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw * 0.999));
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        return (min, max, step);
    }

    private static string? Unit(string? unit) => unit switch
    {
        null or "" => null,
        "EUR" => "€",
        LetterFigures.Millions => "€ miljoen",
        _ => unit,
    };

    /// <summary>Period labels that would run into the one before are left out; the last period is always labelled.</summary>
    private static List<Point> Thinned(List<Point> points)
    {
        var keep = new bool[points.Count];
        double? lastRight = null;
        var lastKept = -1;
        for (var i = 0; i < points.Count; i++)
        {
            var half = Measure(points[i].Label) / 2;
            if (lastRight is null || points[i].X - half >= lastRight + Gap)
            {
                keep[i] = true;
                lastRight = points[i].X + half;
                lastKept = i;
            }
        }

        if (points.Count > 0 && !keep[^1])
        {
            // The last period is the letter's own: its label replaces the one it would run into.
            if (points[^1].X - Measure(points[^1].Label) / 2 < lastRight + Gap)
            {
                keep[lastKept] = false;
            }

            keep[^1] = true;
        }

        return [.. points.Select((p, i) => p with { Labelled = keep[i] })];
    }

    private static IEnumerable<IReadOnlyList<(double X, double Y)>> Runs(IReadOnlyList<Point> points)
    {
        var run = new List<(double, double)>();
        foreach (var point in points)
        {
            if (point.Y is { } y)
            {
                run.Add((point.X, y));
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private double Even(int i) => PlotLeft + (Item.Series.Count == 1 ? (PlotRight - PlotLeft) / 2.0 : i * (PlotRight - PlotLeft) / (Item.Series.Count - 1));

    private double X(DateOnly date, DateOnly first, DateOnly last) =>
        first == last ? (PlotLeft + PlotRight) / 2 : PlotLeft + (date.DayNumber - first.DayNumber) * (PlotRight - PlotLeft) / (last.DayNumber - first.DayNumber);

    private double Y(decimal v) => Top + (double)((_max - v) / (_max - _min)) * (Height - Top - Bottom);
}
