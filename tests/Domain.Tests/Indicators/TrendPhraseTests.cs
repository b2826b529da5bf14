using Governance.Domain.Indicators;

namespace Governance.Domain.Tests.Indicators;

/// <summary>The neutral phrases of the factsheets, checked on the figures of the monitor sociaal domein 2021.</summary>
public class TrendPhraseTests
{
    [Fact]
    public void The_share_of_Wmo_decisions_in_time_2660_of_2834_is_93_9_percent_and_slightly_up_in_points()
    {
        var share = decimal.Round(2660m / 2834m * 100m, 1);
        Assert.Equal(93.9m, share);
        var phrase = TrendPhrase.Describe(IndicatorKind.Percentage, share, 92.9m);
        Assert.True(phrase.InPercentagePoints);
        Assert.Equal(1.0m, phrase.Change);
        Assert.Equal("licht gestegen", phrase.Dutch);
    }

    [Fact]
    public void Young_people_with_youth_care_2968_are_about_3_percent_above_2020_which_is_slightly_up()
    {
        var phrase = TrendPhrase.Describe(IndicatorKind.Count, 2968, 2884);
        Assert.False(phrase.InPercentagePoints);
        Assert.InRange(phrase.Change, 2.5m, 3.0m);
        Assert.Equal("licht gestegen", phrase.Dutch);
    }

    [Fact]
    public void Wmo_clients_down_by_almost_1_percent_read_as_unchanged()
    {
        var phrase = TrendPhrase.Describe(IndicatorKind.Count, 11764, 11870);
        Assert.Equal(Trend.Equal, phrase.Trend);
        Assert.Equal("gelijk gebleven", phrase.Dutch);
    }

    [Theory]
    [InlineData(100, 100, "gelijk gebleven")]
    [InlineData(104, 100, "licht gestegen")]
    [InlineData(110, 100, "gestegen")]
    [InlineData(120, 100, "sterk gestegen")]
    [InlineData(96, 100, "licht gedaald")]
    [InlineData(90, 100, "gedaald")]
    [InlineData(50, 100, "sterk gedaald")]
    public void Counts_compare_relatively(int current, int comparison, string expected) =>
        Assert.Equal(expected, TrendPhrase.Describe(IndicatorKind.Count, current, comparison).Dutch);

    [Theory]
    [InlineData(7.2, 7.0, "gelijk gebleven")]
    [InlineData(9.2, 7.0, "gestegen")]
    [InlineData(4.6, 9.2, "gedaald")]
    [InlineData(2.0, 9.2, "sterk gedaald")]
    public void Percentages_compare_in_percentage_points(double current, double comparison, string expected) =>
        Assert.Equal(expected, TrendPhrase.Describe(IndicatorKind.Percentage, (decimal)current, (decimal)comparison).Dutch);

    [Fact]
    public void A_percentage_from_2_to_3_percent_is_one_point_not_fifty_percent() =>
        Assert.Equal(Trend.SlightlyUp, TrendPhrase.Describe(IndicatorKind.Percentage, 3m, 2m).Trend);

    [Theory]
    [InlineData(100.98, 100, "licht gestegen")]
    [InlineData(100.94, 100, "gelijk gebleven")]
    [InlineData(99.05, 100, "licht gedaald")]
    public void The_word_follows_the_change_rounded_as_it_is_printed(double current, double comparison, string expected) =>
        Assert.Equal(expected, TrendPhrase.Describe(IndicatorKind.Count, (decimal)current, (decimal)comparison).Dutch);

    [Fact]
    public void Thresholds_are_configurable()
    {
        var strict = new TrendThresholds(0.1m, 1m, 2m);
        Assert.Equal("sterk gestegen", TrendPhrase.Describe(IndicatorKind.Count, 2968, 2884, relative: strict).Dutch);
    }

    [Fact]
    public void From_zero_to_something_is_strongly_up_and_zero_to_zero_is_equal()
    {
        Assert.Equal(Trend.StronglyUp, TrendPhrase.Describe(IndicatorKind.Count, 5, 0).Trend);
        Assert.Equal(Trend.Equal, TrendPhrase.Describe(IndicatorKind.Count, 0, 0).Trend);
    }

    [Fact]
    public void A_narrative_item_has_no_trend() =>
        Assert.Throws<ArgumentException>(() => TrendPhrase.Describe(IndicatorKind.Narrative, 1, 1));

    [Fact]
    public void Phrases_exist_in_English_too() =>
        Assert.Equal("slightly up", TrendPhrase.Describe(IndicatorKind.Count, 104, 100).English);
}
