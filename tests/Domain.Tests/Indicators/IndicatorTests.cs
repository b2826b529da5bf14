using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Tests.Builders;

namespace Governance.Domain.Tests.Indicators;

public class IndicatorTests
{
    [Fact]
    public void A_changed_definition_becomes_a_new_version_and_the_old_one_stays()
    {
        var indicator = Build.Indicator();
        var changed = indicator.Revise(Build.Spec() with { Definition = "Nieuwe definitie: inclusief herindicaties." }, Build.Now.AddDays(10));
        Assert.True(changed);
        Assert.Equal(2, indicator.Current.VersionNumber);
        Assert.Equal("Aantal aanvragen afgehandeld van melding tot beschikking.", indicator.VersionAt(1).Definition);
        Assert.Equal("Nieuwe definitie: inclusief herindicaties.", indicator.Current.Definition);
    }

    [Fact]
    public void Saving_the_same_definition_adds_no_version()
    {
        var indicator = Build.Indicator(IndicatorKind.Breakdown, categories: ["Instroom", "Uitstroom"]);
        Assert.False(indicator.Revise(Build.Spec(IndicatorKind.Breakdown, categories: ["Instroom", "Uitstroom"]), Build.Now));
        Assert.Single(indicator.Definitions);
    }

    [Fact]
    public void Codes_are_upper_case_and_plain() =>
        Assert.Equal("WMO-TIJDIG", Build.Indicator(code: " wmo-tijdig ").Code);

    [Fact]
    public void A_code_with_spaces_is_refused() => Assert.Throws<DomainRuleException>(() => Build.Indicator(code: "WMO TIJDIG"));

    [Fact]
    public void A_percentage_is_expressed_in_percent() =>
        Assert.Throws<DomainRuleException>(() => Build.Indicator(IndicatorKind.Percentage, unit: "aanvragen"));

    [Fact]
    public void A_budget_line_has_three_categories_in_euros_and_only_a_breakdown_has_a_nature()
    {
        string[] budget = ["Begroot", "Gerealiseerd", "Verwachte uitputting"];
        Assert.Equal(BreakdownNature.Budget, Build.Indicator(Build.Spec(IndicatorKind.Breakdown, categories: budget) with { Unit = "EUR", Nature = BreakdownNature.Budget }).Current.Nature);
        Assert.Throws<DomainRuleException>(() => Build.Indicator(Build.Spec(IndicatorKind.Breakdown, categories: budget) with { Unit = "cliënten", Nature = BreakdownNature.Budget }));
        Assert.Throws<DomainRuleException>(() => Build.Indicator(Build.Spec(IndicatorKind.Breakdown, categories: ["Begroot", "Gerealiseerd"]) with { Unit = "EUR", Nature = BreakdownNature.Budget }));
        Assert.Throws<DomainRuleException>(() => Build.Indicator(Build.Spec(IndicatorKind.Count) with { Nature = BreakdownNature.Parts }));
    }

    [Fact]
    public void Only_amounts_in_euros_are_written_in_millions()
    {
        Assert.True(Build.Indicator(Build.Spec(IndicatorKind.Amount, unit: "EUR") with { InMillions = true }).Current.InMillions);
        Assert.True(Build.Indicator(Build.Spec(IndicatorKind.Breakdown, unit: "EUR", categories: ["Jeugd", "Wmo"]) with { InMillions = true }).Current.InMillions);
        Assert.Throws<DomainRuleException>(() => Build.Indicator(Build.Spec(IndicatorKind.Count) with { InMillions = true }));
    }

    [Fact]
    public void The_figure_of_a_breakdown_follows_its_nature_and_separate_measures_have_none()
    {
        var parts = IndicatorValue.OfBreakdown([new CategoryValue("A", 47_000_000), new CategoryValue("B", 29_000_000), new CategoryValue("C", 47_900_000)]);
        Assert.Equal(123_900_000, parts.FigureFor(Definition(BreakdownNature.Parts)));
        Assert.Equal(47_900_000, parts.FigureFor(Definition(BreakdownNature.Budget)));
        Assert.Null(parts.FigureFor(Definition(BreakdownNature.Separate)));

        static IndicatorDefinition Definition(BreakdownNature nature) =>
            Build.Indicator(Build.Spec(IndicatorKind.Breakdown, categories: ["A", "B", "C"]) with { Unit = "EUR", Nature = nature }).Current;
    }

    [Fact]
    public void A_count_has_no_decimals() => Assert.Throws<DomainRuleException>(() => Build.Indicator(IndicatorKind.Count, decimals: 1));

    [Fact]
    public void A_breakdown_needs_distinct_categories()
    {
        Assert.Throws<DomainRuleException>(() => Build.Indicator(IndicatorKind.Breakdown, categories: []));
        Assert.Throws<DomainRuleException>(() => Build.Indicator(IndicatorKind.Breakdown, categories: ["Jongeren", "jongeren"]));
    }

    [Fact]
    public void A_narrative_item_has_no_baseline_or_target() =>
        Assert.Throws<DomainRuleException>(() => new Indicator(Build.Maastricht, "X", Build.Spec(IndicatorKind.Narrative) with { Target = new Target(4.6m, 2030) }, Build.Now));

    [Fact]
    public void A_target_year_cannot_lie_before_the_baseline() =>
        Assert.Throws<DomainRuleException>(() => new Indicator(Build.Maastricht, "X",
            Build.Spec(IndicatorKind.Percentage, "%", 1) with { Baseline = new Baseline(9.2m, new DateOnly(2021, 7, 1)), Target = new Target(4.6m, 2020) }, Build.Now));
}
