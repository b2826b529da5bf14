using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Tests.Builders;

namespace Governance.Domain.Tests.Indicators;

public class IndicatorValueTests
{
    private static Result Fits(IndicatorValue value, IndicatorKind kind, string? unit = null, int decimals = 0, string[]? categories = null) =>
        value.FitsDefinition(Build.Indicator(kind, unit, decimals, categories).Current);

    [Fact]
    public void A_count_is_whole_and_not_negative()
    {
        Assert.True(Fits(IndicatorValue.OfNumber(2834), IndicatorKind.Count).Succeeded);
        Assert.IsType<ValueDoesNotFit>(Fits(IndicatorValue.OfNumber(2834.5m), IndicatorKind.Count).Error);
        Assert.IsType<ValueDoesNotFit>(Fits(IndicatorValue.OfNumber(-1), IndicatorKind.Count).Error);
    }

    [Fact]
    public void A_percentage_lies_between_0_and_100_with_its_decimals()
    {
        Assert.True(Fits(IndicatorValue.OfNumber(93.9m), IndicatorKind.Percentage, "%", 1).Succeeded);
        Assert.False(Fits(IndicatorValue.OfNumber(100.1m), IndicatorKind.Percentage, "%", 1).Succeeded);
        Assert.False(Fits(IndicatorValue.OfNumber(93.86m), IndicatorKind.Percentage, "%", 1).Succeeded);
    }

    [Fact]
    public void An_amount_may_be_negative() =>
        Assert.True(Fits(IndicatorValue.OfNumber(-60_000m), IndicatorKind.Amount, "EUR").Succeeded);

    [Fact]
    public void A_narrative_item_expects_text_and_a_number_expects_a_number()
    {
        Assert.False(Fits(IndicatorValue.OfNumber(3), IndicatorKind.Narrative).Succeeded);
        Assert.False(Fits(IndicatorValue.OfText("veel"), IndicatorKind.Count).Succeeded);
        Assert.True(Fits(IndicatorValue.OfText("De wijkteams zijn op sterkte."), IndicatorKind.Narrative).Succeeded);
    }

    [Fact]
    public void A_breakdown_has_one_value_for_each_of_its_categories()
    {
        string[] categories = ["Instroom", "Uitstroom"];
        Assert.True(Fits(IndicatorValue.OfBreakdown([new("Instroom", 120), new("Uitstroom", 95)]), IndicatorKind.Breakdown, "cliënten", 0, categories).Succeeded);
        Assert.Contains("Uitstroom", Fits(IndicatorValue.OfBreakdown([new("Instroom", 120)]), IndicatorKind.Breakdown, null, 0, categories).Error!.Message);
        Assert.Contains("Doorstroom", Fits(IndicatorValue.OfBreakdown([new("Instroom", 1), new("Uitstroom", 2), new("Doorstroom", 3)]), IndicatorKind.Breakdown, null, 0, categories).Error!.Message);
        Assert.False(Fits(IndicatorValue.OfBreakdown([new("Instroom", -1), new("Uitstroom", 2)]), IndicatorKind.Breakdown, null, 0, categories).Succeeded);
    }

    [Fact]
    public void Not_available_needs_a_reason_and_then_fits_any_indicator()
    {
        Assert.Throws<DomainRuleException>(() => IndicatorValue.NotAvailable(""));
        var missing = IndicatorValue.NotAvailable("Nog geen cijfers beschikbaar.");
        Assert.True(missing.IsNotAvailable);
        Assert.Null(missing.Number);
        Assert.True(Fits(missing, IndicatorKind.Percentage, "%", 1).Succeeded);
    }
}
