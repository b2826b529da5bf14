using Governance.Web.Features.Letters;
using Governance.Workflows.Letters;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>The one chart definition the HTML, DOCX and PDF draw: time axis, measured margins, round values, the line to the target.</summary>
public sealed class LetterChartTests
{
    private static LetterItem Item(IReadOnlyList<LetterPoint> series, string? unit = null, int decimals = 0) => new()
    {
        Name = "Budget", Definition = "Definitie", Kind = "bedrag", Available = true, IsNumeric = true, Series = series, Decimals = decimals, FormattedUnit = unit,
    };

    [Fact]
    public void Periods_stand_by_their_dates_so_a_gap_in_time_shows()
    {
        var chart = new LetterChart(Item(
        [
            new LetterPoint("2020", 11_870, new DateOnly(2020, 12, 31)),
            new LetterPoint("2021", 11_764, new DateOnly(2021, 12, 31)),
            new LetterPoint("1e halfjaar 2026", 12_030, new DateOnly(2026, 6, 30)),
        ]));

        var xs = chart.Points.Select(p => p.X).ToList();
        // 2020 to 2021 is one year, 2021 to mid-2026 four and a half: the distances say so.
        Assert.Equal(4.5, (xs[2] - xs[1]) / (xs[1] - xs[0]), precision: 2);
        Assert.Equal(chart.PlotLeft, xs[0], precision: 6);
        Assert.Equal(chart.PlotRight, xs[2], precision: 6);
    }

    [Fact]
    public void Nothing_is_cut_off_very_large_numbers_and_the_last_period_label_fit_inside_the_chart()
    {
        var chart = new LetterChart(Item(
        [
            new LetterPoint("2e kwartaal 2026", 121_950_000, new DateOnly(2026, 6, 30)),
            new LetterPoint("1e halfjaar 2026", 124_389_000, new DateOnly(2026, 6, 30).AddDays(1)),
        ], unit: "EUR"));

        Assert.All(chart.GridLines, g => Assert.True(chart.PlotLeft - 6 - LetterChart.Measure(g.Label) >= 0, $"'{g.Label}' is cut off"));
        Assert.Contains(chart.GridLines, g => g.Label == "125.000.000");
        var last = chart.Points[^1];
        Assert.True(last.Labelled);
        Assert.True(last.X + LetterChart.Measure(last.Label) / 2 <= LetterChart.Width, "the last period's label is cut off");
        Assert.Equal("€", chart.UnitLabel);
    }

    [Theory]
    [InlineData(0, 5_526, 2_000)]
    [InlineData(0, 93.9, 20)]
    [InlineData(0, 0.04, 0.01)]
    [InlineData(-11.43, 5.21, 5)]
    public void The_scale_runs_over_round_values_from_zero(double low, double high, double step)
    {
        var (min, max, actual) = LetterChart.Scale((decimal)low, (decimal)high);

        Assert.Equal((decimal)step, actual);
        Assert.True(min <= Math.Min(0, (decimal)low) && max >= (decimal)high);
        Assert.Equal(0, min % actual);
    }

    [Fact]
    public void Very_small_numbers_keep_their_decimals_on_the_scale()
    {
        var chart = new LetterChart(Item([new LetterPoint("2025", 0.031m, new DateOnly(2025, 12, 31)), new LetterPoint("2026", 0.042m, new DateOnly(2026, 12, 31))], decimals: 3));

        Assert.Equal(["0,00", "0,01", "0,02", "0,03", "0,04", "0,05"], chart.GridLines.Select(g => g.Label));
    }

    [Fact]
    public void A_period_without_a_figure_breaks_the_line()
    {
        var chart = new LetterChart(Item(
        [
            new LetterPoint("Q1", 10, new DateOnly(2026, 3, 31)), new LetterPoint("Q2", 12, new DateOnly(2026, 6, 30)),
            new LetterPoint("Q3", null, new DateOnly(2026, 9, 30)), new LetterPoint("Q4", 11, new DateOnly(2026, 12, 31)),
        ]));

        Assert.Equal([2, 1], chart.Lines.Select(run => run.Count));
    }

    [Fact]
    public void The_nulmeting_and_the_streefwaarde_are_marked_at_their_dates_with_the_line_between_them()
    {
        var item = Item([new LetterPoint("2025", 7.9m, new DateOnly(2025, 12, 31))], unit: "%", decimals: 1) with
        {
            BaselineValue = 9.2m, BaselineAt = new DateOnly(2021, 12, 31), TargetValue = 4.6m, TargetAt = new DateOnly(2030, 12, 31),
        };

        var chart = new LetterChart(item);

        Assert.Equal(["nulmeting", "streefwaarde"], chart.Marks.Select(m => m.Label));
        Assert.Equal(chart.PlotLeft, chart.Marks[0].X, precision: 6);
        Assert.Equal(chart.PlotRight, chart.Marks[1].X, precision: 6);
        var segment = Assert.Single(chart.Segments);
        Assert.Equal((chart.Marks[0].X, chart.Marks[1].Y), (segment.X1, segment.Y2));
        Assert.Empty(chart.ReferenceLines);
        // 2025 lies four ninths of the way from the end of 2021 to the end of 2030.
        Assert.Equal(4.0 / 9, (chart.Points[0].X - chart.PlotLeft) / (chart.PlotRight - chart.PlotLeft), precision: 2);
    }

    [Fact]
    public void Labels_that_would_overlap_are_thinned_but_the_letters_own_period_is_always_labelled()
    {
        var quarters = Enumerable.Range(0, 12).Select(i => new DateOnly(2024, 3, 31).AddMonths(3 * i))
            .Select((d, i) => new LetterPoint($"{i % 4 + 1}e kwartaal {d.Year}", 100 + i, d)).ToList();

        var chart = new LetterChart(Item(quarters));

        Assert.True(chart.Points[^1].Labelled);
        Assert.Contains(chart.Points, p => !p.Labelled);
        var shown = chart.Points.Where(p => p.Labelled).ToList();
        Assert.All(shown.Zip(shown.Skip(1)), pair =>
            Assert.True(pair.First.X + LetterChart.Measure(pair.First.Label) / 2 <= pair.Second.X - LetterChart.Measure(pair.Second.Label) / 2, "labels overlap"));
    }
}
