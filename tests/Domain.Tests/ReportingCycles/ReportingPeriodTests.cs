using System.Globalization;
using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;

namespace Governance.Domain.Tests.ReportingCycles;

public class ReportingPeriodTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Periods_read_in_Dutch_as_a_griffie_writes_them()
    {
        Assert.Equal("2e kwartaal 2025", ReportingPeriod.Quarter(2025, 2).Display(Dutch));
        Assert.Equal("1e halfjaar 2025", ReportingPeriod.HalfYear(2025, 1).Display(Dutch));
        Assert.Equal("2025", ReportingPeriod.FullYear(2025).Display(Dutch));
        Assert.Equal("5 maart 2024", ReportingPeriod.OnDate(new DateOnly(2024, 3, 5)).Display(Dutch));
    }

    [Fact]
    public void Periods_read_in_English_too()
    {
        Assert.Equal("Q2 2025", ReportingPeriod.Quarter(2025, 2).Display(English));
        Assert.Equal("H1 2025", ReportingPeriod.HalfYear(2025, 1).Display(English));
        Assert.Equal("5 March 2024", ReportingPeriod.OnDate(new DateOnly(2024, 3, 5)).Display(English));
    }

    [Fact]
    public void The_previous_quarter_of_the_first_quarter_is_the_last_quarter_of_the_year_before()
    {
        Assert.Equal(ReportingPeriod.Quarter(2024, 4), ReportingPeriod.Quarter(2025, 1).Previous());
        Assert.Equal(ReportingPeriod.Quarter(2025, 2), ReportingPeriod.Quarter(2025, 3).Previous());
    }

    [Fact]
    public void The_previous_half_year_of_the_first_half_is_the_second_half_of_the_year_before()
    {
        Assert.Equal(ReportingPeriod.HalfYear(2024, 2), ReportingPeriod.HalfYear(2025, 1).Previous());
        Assert.Equal(ReportingPeriod.HalfYear(2025, 1), ReportingPeriod.HalfYear(2025, 2).Previous());
        Assert.Equal(ReportingPeriod.FullYear(2024), ReportingPeriod.FullYear(2025).Previous());
    }

    [Fact]
    public void A_single_date_has_no_previous_period_but_has_a_date_a_year_earlier()
    {
        var date = ReportingPeriod.OnDate(new DateOnly(2024, 2, 29));
        Assert.Null(date.Previous());
        Assert.Equal(ReportingPeriod.OnDate(new DateOnly(2023, 2, 28)), date.SamePeriodLastYear());
    }

    [Fact]
    public void The_same_period_last_year_keeps_the_kind_and_index()
    {
        Assert.Equal(ReportingPeriod.Quarter(2024, 3), ReportingPeriod.Quarter(2025, 3).SamePeriodLastYear());
        Assert.Equal(ReportingPeriod.HalfYear(2020, 2), ReportingPeriod.HalfYear(2021, 2).SamePeriodLastYear());
    }

    [Theory]
    [InlineData(2025, 1, "2025-01-01", "2025-03-31")]
    [InlineData(2024, 4, "2024-10-01", "2024-12-31")]
    [InlineData(2024, 1, "2024-01-01", "2024-03-31")]
    public void A_quarter_spans_its_three_months(int year, int quarter, string start, string end)
    {
        var period = ReportingPeriod.Quarter(year, quarter);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData("2025-Q2")]
    [InlineData("2025-H1")]
    [InlineData("2025")]
    [InlineData("2024-03-05")]
    public void A_code_reads_back_as_the_same_period(string code) =>
        Assert.Equal(code, ReportingPeriod.Parse(code).Code);

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("2025-H3")]
    [InlineData("25")]
    [InlineData("2025-13-01")]
    [InlineData("")]
    [InlineData("Q2 2025")]
    public void Nonsense_is_not_a_period(string code) => Assert.False(ReportingPeriod.TryParse(code, out _));

    [Fact]
    public void A_quarter_outside_1_to_4_is_refused() =>
        Assert.Throws<DomainRuleException>(() => ReportingPeriod.Quarter(2025, 0));

    [Fact]
    public void Periods_order_by_their_end()
    {
        var periods = new[] { ReportingPeriod.FullYear(2024), ReportingPeriod.Quarter(2024, 2), ReportingPeriod.HalfYear(2024, 1), ReportingPeriod.Quarter(2023, 4) };
        Assert.Equal(
            [ReportingPeriod.Quarter(2023, 4), ReportingPeriod.Quarter(2024, 2), ReportingPeriod.HalfYear(2024, 1), ReportingPeriod.FullYear(2024)],
            periods.Order().ToArray());
    }
}
