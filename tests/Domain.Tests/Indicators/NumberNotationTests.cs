using System.Globalization;
using Governance.Domain.Indicators;

namespace Governance.Domain.Tests.Indicators;

public sealed class NumberNotationTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData("2.834", "2834")]
    [InlineData("12,5", "12.5")]
    [InlineData("2.834,5", "2834.5")]
    [InlineData("1.000.000", "1000000")]
    [InlineData("93,9 %", "93.9")]
    [InlineData("€ 126.570.000", "126570000")]
    [InlineData("-3,25", "-3.25")]
    [InlineData(" 1 234 ", "1234")]
    [InlineData("0", "0")]
    public void Dutch_notation_reads_as_people_write_it(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), NumberNotation.Parse(input, Dutch).Value);

    [Theory]
    [InlineData("2,834", "2834")]
    [InlineData("12.5", "12.5")]
    [InlineData("2,834.5", "2834.5")]
    public void English_notation_swaps_the_separators(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), NumberNotation.Parse(input, English).Value);

    [Theory]
    [InlineData("12.5", "komma voor decimalen")]
    [InlineData("1.23.456", "komma voor decimalen")]
    [InlineData("1,2,3", "meer dan één decimaalteken")]
    [InlineData("twaalf", "geen getal")]
    [InlineData("", "Vul een getal in")]
    [InlineData("12,", "geen getal")]
    [InlineData("--3", "geen getal")]
    public void What_could_mean_two_things_or_nothing_is_refused_with_a_hint(string input, string hint)
    {
        var result = NumberNotation.Parse(input, Dutch);
        Assert.False(result.Succeeded);
        Assert.Contains(hint, result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IndicatorKind.Count, 100, 126, true)]
    [InlineData(IndicatorKind.Count, 100, 125, false)]
    [InlineData(IndicatorKind.Count, 100, 74, true)]
    [InlineData(IndicatorKind.Count, 0, 3, true)]
    [InlineData(IndicatorKind.Percentage, 9.2, 14.3, true)]
    [InlineData(IndicatorKind.Percentage, 9.2, 14.2, false)]
    public void A_large_change_on_the_previous_period_needs_an_explanation(IndicatorKind kind, double previous, double current, bool needed) =>
        Assert.Equal(needed, ValueRules.Default.NeedsExplanation(kind, (decimal)previous, (decimal)current));

    [Fact]
    public void Without_a_previous_value_nothing_needs_explaining() =>
        Assert.False(ValueRules.Default.NeedsExplanation(IndicatorKind.Count, null, 1_000_000));
}
