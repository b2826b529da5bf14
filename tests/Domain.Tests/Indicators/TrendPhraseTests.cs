using Governance.Domain.Indicators;

namespace Governance.Domain.Tests.Indicators;

/// <summary>The neutral phrases of the factsheets, checked on the figures of the monitor sociaal domein 2021.</summary>
public class TrendPhraseTests
{
    /// <summary>
    /// Golden: every change the Monitor Sociaal Domein 2021 (seed 002) states in words, with the word the monitor uses.
    /// The default bounds must reproduce each of them; the 2020 figures are the 2021 figure and the printed change.
    /// </summary>
    [Theory]
    [InlineData(11764, 11870, "licht gedaald")] // Wmo clients: "een daling van bijna 1%"
    [InlineData(2968, 2884, "gestegen")] // young people with youth care: "een stijging van bijna 3%"
    [InlineData(1002, 1000, "licht gestegen")] // Begeleiding Individueel: "licht gestegen (+ circa 0,2%)"
    [InlineData(1010, 1000, "licht gestegen")] // Hulp bij het Huishouden: "licht gestegen (+ circa 1%)"
    [InlineData(983, 1000, "gedaald")] // Campagne: "met circa 1,7% gedaald"
    [InlineData(969, 1000, "gedaald")] // Voorzieningen Wmo: "gedaald (daling van ruim 3%)"
    [InlineData(1065, 1000, "gestegen")] // stair lifts: "een stijging (+ circa 6,5%)"
    [InlineData(870, 1000, "sterk gedaald")] // transport: "aanzienlijk gedaald (daling van bijna 13%)"
    [InlineData(760, 1000, "sterk gedaald")] // moving indications: "het meest gedaald (- circa 24%)"
    public void Counts_read_as_the_monitor_words_them(int current, int comparison, string monitor) =>
        Assert.Equal(monitor, TrendPhrase.Describe(IndicatorKind.Count, current, comparison).Dutch);

    [Theory]
    [InlineData(17.8, 18.0, "licht gedaald")] // residents with support: "een daling van 0,2%", "licht gedaald"
    [InlineData(11.1, 11.1, "gelijk gebleven")] // Wmo share: "gelijk aan het percentage van kalenderjaar 2020"
    [InlineData(16.8, 16.2, "gestegen")] // youth care share: "een stijging te zien van circa 0,6%"
    [InlineData(35.0, 30.0, "gestegen")] // share of costs on youth care: "met 5% gestegen"
    [InlineData(40.0, 45.0, "gedaald")] // share of costs on Wmo: "met 5% gedaald"
    [InlineData(94.8, 90.8, "gestegen")] // care in kind: "een stijging van circa 4%"
    public void Percentages_read_as_the_monitor_words_them(double current, double comparison, string monitor) =>
        Assert.Equal(monitor, TrendPhrase.Describe(IndicatorKind.Percentage, (decimal)current, (decimal)comparison).Dutch);

    [Fact]
    public void The_share_of_Wmo_decisions_in_time_2660_of_2834_is_93_9_percent_one_point_up()
    {
        var share = decimal.Round(2660m / 2834m * 100m, 1);
        Assert.Equal(93.9m, share);
        var phrase = TrendPhrase.Describe(IndicatorKind.Percentage, share, 92.9m);
        Assert.True(phrase.InPercentagePoints);
        Assert.Equal(1.0m, phrase.Change);
        Assert.Equal("gestegen", phrase.Dutch);
    }

    [Theory]
    [InlineData(100, 100, "gelijk gebleven")]
    [InlineData(101, 100, "licht gestegen")]
    [InlineData(104, 100, "gestegen")]
    [InlineData(120, 100, "sterk gestegen")]
    [InlineData(99, 100, "licht gedaald")]
    [InlineData(95, 100, "gedaald")]
    [InlineData(50, 100, "sterk gedaald")]
    public void Counts_compare_relatively(int current, int comparison, string expected) =>
        Assert.Equal(expected, TrendPhrase.Describe(IndicatorKind.Count, current, comparison).Dutch);

    [Theory]
    [InlineData(7.0, 7.0, "gelijk gebleven")]
    [InlineData(7.2, 7.0, "licht gestegen")]
    [InlineData(9.2, 7.0, "gestegen")]
    [InlineData(4.6, 9.2, "gedaald")]
    [InlineData(2.0, 19.2, "sterk gedaald")]
    public void Percentages_compare_in_percentage_points(double current, double comparison, string expected) =>
        Assert.Equal(expected, TrendPhrase.Describe(IndicatorKind.Percentage, (decimal)current, (decimal)comparison).Dutch);

    [Fact]
    public void A_percentage_from_2_to_3_percent_is_one_point_not_fifty_percent() =>
        Assert.Equal(Trend.Up, TrendPhrase.Describe(IndicatorKind.Percentage, 3m, 2m).Trend);

    [Theory]
    [InlineData(101.44, 100, "licht gestegen")]
    [InlineData(101.46, 100, "gestegen")]
    [InlineData(100.04, 100, "gelijk gebleven")]
    [InlineData(99.95, 100, "licht gedaald")]
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
        Assert.Equal("slightly up", TrendPhrase.Describe(IndicatorKind.Count, 101, 100).English);
}
