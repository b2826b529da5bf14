using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;

namespace Governance.Domain.Tests.Indicators;

public sealed class IndicatorFormulaTests
{
    private static IndicatorFormula Parsed(string text)
    {
        var parsed = IndicatorFormula.Parse(text);
        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        return parsed.Value;
    }

    private static decimal? Value(string text, params (string Code, decimal? Figure)[] figures) =>
        Parsed(text).Evaluate(input => figures.Single(f => f.Code == input.Code).Figure).Value;

    [Fact]
    public void A_share_is_computed_from_its_part_and_whole_and_known_as_a_share()
    {
        var formula = Parsed("[wmo-binnen-8-weken]/[WMO-BESLUITEN]*100");

        Assert.Equal("[WMO-BINNEN-8-WEKEN] / [WMO-BESLUITEN] * 100", formula.Text);
        Assert.Equal(["WMO-BINNEN-8-WEKEN", "WMO-BESLUITEN"], formula.Codes);
        var figure = formula.Evaluate(i => i.Code == "WMO-BESLUITEN" ? 2834m : 2660m).Value!.Value;
        Assert.Equal(93.9m, decimal.Round(figure, 1));
        Assert.Equal(("WMO-BINNEN-8-WEKEN", "WMO-BESLUITEN"), (formula.Share!.Value.Part.Code, formula.Share!.Value.Whole.Code));
        Assert.NotNull(Parsed("100 * [A] / [B]").Share);
        Assert.Null(Parsed("[A] / [B]").Share);
        Assert.Null(Parsed("[A] - [B]").Share);
    }

    [Theory]
    [InlineData("[A] - [B] - [C]", 5)]
    [InlineData("[A] - ([B] - [C])", 11)]
    [InlineData("[A] + [B] * [C]", 16)]
    [InlineData("([A] + [B]) * [C]", 36)]
    [InlineData("-[A] + 2,5 * [C]", -2.5)]
    [InlineData("[A] * [C] / [B]", 15)]
    [InlineData("[A] / [B] / 5", 1)]
    public void Operations_follow_the_usual_order_and_brackets(string text, double expected)
    {
        Assert.Equal((decimal)expected, Value(text, ("A", 10m), ("B", 2m), ("C", 3m)));
    }

    [Fact]
    public void Writing_keeps_the_brackets_the_meaning_needs_and_only_those()
    {
        Assert.Equal("[A] - ([B] - [C])", Parsed("[a]-([b]-[c])").Text);
        Assert.Equal("[A] - [B] - [C]", Parsed("([a]-[b])-[c]").Text);
        Assert.Equal("([A] + [B]) * [C]", Parsed("([a]+[b])*[c]").Text);
        Assert.Equal("[A] * [B] / [C]", Parsed("[a] × [b] : [c]").Text);
        Assert.Equal("[BUDGET:Begroot] - [UITGAVEN]", Parsed("[budget : Begroot] − [uitgaven]").Text);
        // What is written reads back the same.
        var text = Parsed("-([a] + 0.5) / ([b] - [c] * 2)").Text;
        Assert.Equal(text, Parsed(text).Text);
    }

    [Fact]
    public void Without_a_figure_for_an_input_or_when_dividing_by_zero_there_is_no_value_but_a_reason()
    {
        var formula = Parsed("[A] / ([B] - [C]) * 100");

        var missing = formula.Evaluate(i => i.Code == "A" ? null : 1m, i => $"'{i.Code.ToLowerInvariant()}'");
        Assert.Null(missing.Value);
        Assert.Equal("er is geen cijfer voor 'a'", missing.Reason);

        var zero = formula.Evaluate(_ => 4m, i => $"'{i.Code}'");
        Assert.Null(zero.Value);
        Assert.Equal("'B' min 'C' is nul, en door nul wordt niet gedeeld", zero.Reason);
    }

    [Theory]
    [InlineData("", "Vul een formule in.")]
    [InlineData("[A] +", "Aan het eind van de formule: een getal, een [code] of een haakje openen verwacht.")]
    [InlineData("[A] [B]", "Bij teken 5 ('['): een rekenteken (+, −, × of /) verwacht.")]
    [InlineData("([A] + [B]", "Aan het eind van de formule: een haakje sluiten verwacht.")]
    [InlineData("[A] + [B])", "Bij teken 10 (')'): een haakje sluiten zonder haakje openen.")]
    [InlineData("[A + 1", "Bij teken 1 ('['): de vierkante haak sluiten ontbreekt.")]
    [InlineData("[A B] * 2", "Bij teken 1 ('['): 'A B' is geen indicatorcode (letters, cijfers, '-', '_' en '.').")]
    [InlineData("2 * 100", "Aan het eind van de formule: de formule verwijst naar geen enkele indicator; schrijf een code tussen vierkante haken, zoals [WMO-BESLUITEN].")]
    [InlineData("System.IO.File.Delete(\"x\")", "Bij teken 1 ('S'): een getal, een [code] of een haakje openen verwacht.")]
    public void A_formula_that_cannot_be_read_is_refused_saying_what_and_where(string text, string message)
    {
        var parsed = IndicatorFormula.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Equal(message, parsed.Error!.Message);
    }

    [Fact]
    public void A_hostile_formula_is_refused_by_its_size_before_it_costs_anything()
    {
        Assert.False(IndicatorFormula.Parse(new string('(', 300) + "[A]" + new string(')', 300)).Succeeded);
        Assert.Contains("haakjes", IndicatorFormula.Parse(new string('(', 20) + "[A]" + new string(')', 20)).Error!.Message);
        Assert.Contains("te lang", IndicatorFormula.Parse(string.Join(" + ", Enumerable.Repeat("1", 60)) + " + [A]").Error!.Message);
        Assert.Contains("te veel", IndicatorFormula.Parse(string.Join(" + ", Enumerable.Range(1, 25).Select(i => $"[A{i}]"))).Error!.Message);
        Assert.Contains("hooguit 500", IndicatorFormula.Parse("[A] + " + new string('1', 600)).Error!.Message);
    }

    [Fact]
    public void A_result_too_large_for_a_decimal_is_no_value()
    {
        var outcome = Parsed("[A] * [A] * [A]").Evaluate(_ => 79_228_162_514_264m);

        Assert.Null(outcome.Value);
        Assert.Equal("de uitkomst is te groot", outcome.Reason);
    }

    [Fact]
    public void A_definition_with_a_formula_is_derived_and_only_a_figure_can_have_one()
    {
        var spec = new IndicatorSpecification
        {
            Name = "Tijdig beslist",
            Definition = "Aandeel Wmo-besluiten binnen 8 weken",
            Kind = IndicatorKind.Percentage,
            Decimals = 1,
            Source = "Berekend uit de Wmo-registratie",
            ResponsibleTeamId = TeamId.New(),
            Formula = " [wmo-binnen] / [wmo-besluiten]*100 ",
        };
        var indicator = new Indicator(MunicipalityId.New(), "WMO-TIJDIG", spec, DateTime.UtcNow);

        Assert.True(indicator.Current.IsDerived);
        Assert.Equal("[WMO-BINNEN] / [WMO-BESLUITEN] * 100", indicator.Current.Formula);
        Assert.Equal(["WMO-BINNEN", "WMO-BESLUITEN"], indicator.Current.ParsedFormula!.Codes);
        Assert.False(indicator.Revise(spec with { Formula = "[WMO-BINNEN]/[WMO-BESLUITEN]*100" }, DateTime.UtcNow));
        Assert.True(indicator.Revise(spec with { Formula = null }, DateTime.UtcNow));
        Assert.False(indicator.Current.IsDerived);
        Assert.Throws<DomainRuleException>(() => (spec with { Kind = IndicatorKind.Narrative, Decimals = 0, Unit = null }).Checked());
        Assert.Throws<DomainRuleException>(() => (spec with { Formula = "[A] +" }).Checked());
    }
}
