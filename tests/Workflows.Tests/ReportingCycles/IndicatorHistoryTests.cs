using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;

namespace Governance.Workflows.Tests.ReportingCycles;

/// <summary>What a new figure is compared with: the latest earlier figure of a period of the same length.</summary>
public class IndicatorHistoryTests
{
    private static PeriodValue Value(ReportingPeriod period, IndicatorValue value) => new(period, value, null, null, Cycles.Now, 1);

    [Fact]
    public void The_latest_earlier_figure_skips_a_period_without_one_and_periods_of_another_length()
    {
        IReadOnlyList<PeriodValue> history =
        [
            Value(ReportingPeriod.Quarter(2025, 1), IndicatorValue.OfNumber(100)),
            Value(ReportingPeriod.Quarter(2025, 2), IndicatorValue.NotAvailable("Bron niet geleverd")),
            Value(ReportingPeriod.FullYear(2024), IndicatorValue.OfNumber(500)),
            Value(ReportingPeriod.Quarter(2025, 4), IndicatorValue.OfNumber(130)),
        ];

        var earlier = history.LatestFigureBefore(ReportingPeriod.Quarter(2025, 3), Cycles.Count.Current);

        Assert.Equal(new EarlierFigure(ReportingPeriod.Quarter(2025, 1), 100), earlier);
        Assert.Null(history.LatestFigureBefore(ReportingPeriod.Quarter(2025, 1), Cycles.Count.Current));
        Assert.Equal(500, history.LatestFigureBefore(ReportingPeriod.FullYear(2025), Cycles.Count.Current)!.Figure);
    }
}
