using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.Letters;
using Governance.Workflows.Tests.Support;

namespace Governance.Workflows.Tests.Letters;

/// <summary>Golden tests on the 2021 monitor figures (DOMAIN.md): what the letter says, word for word.</summary>
public sealed class LetterFiguresTests
{
    private static readonly MunicipalityId Maastricht = MunicipalityId.New();
    private static readonly TeamId Team = TeamId.New();

    [Fact]
    public void Wmo_decisions_in_time_are_one_point_up_on_2020()
    {
        var definition = Define(IndicatorKind.Percentage, decimals: 1);
        var item = LetterFigures.Item(definition, ReportingPeriod.FullYear(2021), Value(2021, 93.9m), [Value(2020, 92.9m)], 1);

        Assert.Equal("93,9\u00a0%", item.Value);
        var comparison = Assert.Single(item.Comparisons);
        Assert.Equal(new LetterComparison("2020", "92,9\u00a0%", "gestegen", "+1,0\u00a0procentpunt"), comparison);
    }

    [Fact]
    public void Jeugdhulp_count_is_about_three_percent_up_on_2020()
    {
        var definition = Define(IndicatorKind.Count, decimals: 0);
        var item = LetterFigures.Item(definition, ReportingPeriod.FullYear(2021), Value(2021, 2968), [Value(2020, 2882)], 1);

        Assert.Equal("2.968", item.Value);
        Assert.Equal(new LetterComparison("2020", "2.882", "gestegen", "+3,0\u00a0%"), Assert.Single(item.Comparisons));
    }

    [Fact]
    public void Child_poverty_is_measured_against_the_straight_line_from_9_2_to_4_6_percent_in_2030()
    {
        var definition = Define(IndicatorKind.Percentage, decimals: 1, GoodDirection.Down,
            new Baseline(9.2m, new DateOnly(2021, 12, 31)), new Target(4.6m, 2030));

        var behind = LetterFigures.Item(definition, ReportingPeriod.HalfYear(2025, 1), Value(2025, 7.9m, half: 1), [], 1);
        var onTrack = LetterFigures.Item(definition, ReportingPeriod.HalfYear(2025, 1), Value(2025, 7.2m, half: 1), [], 1);

        // The 1st half of 2025 is 3.5 of the 9 years from 2021 to 2030 along the line: 9.2 - 4.6 * 0.3884 = 7.41.
        Assert.Equal(new LetterTrajectory("7,41\u00a0%", false, "achter op schema", 2030), behind.Trajectory);
        Assert.Equal(new LetterTrajectory("7,41\u00a0%", true, "op koers", 2030), onTrack.Trajectory);
        // The motion counts years: 2025 is four ninths along, 9.2 - 4.6 * 4 / 9 = 7.16, whatever day of 2021 the nulmeting was taken.
        var measuredMidYear = Define(IndicatorKind.Percentage, decimals: 1, GoodDirection.Down, new Baseline(9.2m, new DateOnly(2021, 7, 13)), new Target(4.6m, 2030));
        Assert.Equal("7,16\u00a0%", LetterFigures.Item(measuredMidYear, ReportingPeriod.FullYear(2025), Value(2025, 7.0m), [], 1).Trajectory!.Expected);
        Assert.Null(LetterFigures.Item(measuredMidYear, ReportingPeriod.FullYear(2021), Value(2021, 9.2m), [], 1).Trajectory);
        Assert.Equal("4,60\u00a0%", LetterFigures.Item(measuredMidYear, ReportingPeriod.FullYear(2031), Value(2031, 4.0m), [], 1).Trajectory!.Expected);
        Assert.Equal("De nulmeting was 9,2\u00a0% (31 december 2021).", behind.Baseline);
        Assert.Equal("De streefwaarde is 4,6\u00a0% in 2030.", behind.Target);
        Assert.Equal(new LetterComparison("de nulmeting van 31 december 2021", "9,2\u00a0%", "gedaald", "\u22121,3\u00a0procentpunten"), Assert.Single(behind.Comparisons));
    }

    [Fact]
    public void A_figure_that_is_not_available_says_so_with_its_reason_and_has_no_value()
    {
        var definition = Define(IndicatorKind.Percentage, decimals: 1);
        var current = new PeriodValue(ReportingPeriod.HalfYear(2021, 1), IndicatorValue.NotAvailable("nog geen cijfers beschikbaar"), null, null, Cycles.Now, 1);

        var item = LetterFigures.Item(definition, ReportingPeriod.HalfYear(2021, 1), current, [Value(2020, 12m, half: 2)], 1);

        Assert.False(item.Available);
        Assert.Equal("nog geen cijfers beschikbaar", item.NotAvailableReason);
        Assert.Null(item.Value);
        Assert.Empty(item.Comparisons);
        Assert.Null(Assert.Single(item.Series, p => p.Label == "1e halfjaar 2021").Value);
    }

    [Fact]
    public void The_previous_period_and_the_same_period_last_year_are_both_compared_when_they_differ()
    {
        var definition = Define(IndicatorKind.Count, decimals: 0);
        var history = new[] { Quarter(2024, 3, 100), Quarter(2025, 2, 118) };

        var item = LetterFigures.Item(definition, ReportingPeriod.Quarter(2025, 3), Quarter(2025, 3, 120), history, null);

        Assert.Equal(["het 2e kwartaal 2025", "het 3e kwartaal 2024"], item.Comparisons.Select(c => c.Against));
        Assert.Equal(["gestegen", "sterk gestegen"], item.Comparisons.Select(c => c.Phrase));
        Assert.Equal(["3e kwartaal 2024", "2e kwartaal 2025", "3e kwartaal 2025"], item.Series.Select(p => p.Label));
    }

    [Fact]
    public void Without_the_previous_period_the_latest_earlier_period_of_the_same_length_is_compared_and_the_letter_says_why()
    {
        var definition = Define(IndicatorKind.Count, decimals: 0);
        var missing = new PeriodValue(ReportingPeriod.Quarter(2026, 1), IndicatorValue.NotAvailable("bron niet geleverd"), null, null, Cycles.Now, 1);
        var history = new[] { Quarter(2025, 3, 100), Quarter(2025, 4, 110), missing };

        var item = LetterFigures.Item(definition, ReportingPeriod.Quarter(2026, 2), Quarter(2026, 2, 121), history, null);

        Assert.Equal(["het 4e kwartaal 2025", "de nulmeting in het 3e kwartaal 2025"], item.Comparisons.Select(c => c.Against));
        Assert.Equal("Over het 1e kwartaal 2026 is geen cijfer beschikbaar; daarom is vergeleken met het 4e kwartaal 2025.", item.ComparisonNote);
        Assert.False(item.IsNulmeting);
    }

    [Fact]
    public void The_first_figure_of_an_indicator_is_its_nulmeting_and_later_figures_compare_with_it()
    {
        var definition = Define(IndicatorKind.Count, decimals: 0);

        var first = LetterFigures.Item(definition, ReportingPeriod.HalfYear(2025, 1), Value(2025, 200m, half: 1), [], null);
        var later = LetterFigures.Item(definition, ReportingPeriod.HalfYear(2026, 1), Value(2026, 230m, half: 1),
            [Value(2025, 200m, half: 1), Value(2025, 210m, half: 2)], null);

        Assert.True(first.IsNulmeting);
        Assert.Empty(first.Comparisons);
        Assert.Null(first.ComparisonNote);
        Assert.False(later.IsNulmeting);
        // The same half year last year is the nulmeting: it is compared once, as that period.
        Assert.Equal(["het 2e halfjaar 2025", "het 1e halfjaar 2025"], later.Comparisons.Select(c => c.Against));
    }

    [Fact]
    public void A_figure_after_years_without_figures_compares_with_the_latest_earlier_year_and_says_why()
    {
        var definition = Define(IndicatorKind.Count, decimals: 0);

        var item = LetterFigures.Item(definition, ReportingPeriod.FullYear(2025), Value(2025, 130m), [Value(2022, 100m)], null);

        Assert.Equal("2022", Assert.Single(item.Comparisons).Against);
        Assert.Equal("Over 2024 is geen cijfer beschikbaar; daarom is vergeleken met 2022.", item.ComparisonNote);
    }

    [Fact]
    public void The_social_domain_result_2021_is_written_in_millions_as_parts_of_a_whole_with_their_shares()
    {
        // Monitor 2021: result € +11,43 million (Jeugd +5,21, Wmo +5,45, Participatiewet +0,84, Onderwijs −0,06).
        var definition = DefineBreakdown(BreakdownNature.Parts, "EUR", ["Jeugd", "Wmo", "Participatiewet", "Onderwijs"], inMillions: true);
        var current = Breakdown(definition, ReportingPeriod.FullYear(2021), 5_210_000, 5_450_000, 840_000, -60_000);

        var item = LetterFigures.Item(definition, ReportingPeriod.FullYear(2021), current, [], 1);

        Assert.Equal("geheel", item.Nature);
        Assert.Equal("€\u00a011,44\u00a0miljoen", item.Value);
        Assert.Equal(["€\u00a05,21\u00a0miljoen", "€\u00a05,45\u00a0miljoen", "€\u00a00,84\u00a0miljoen", "€\u00a0\u22120,06\u00a0miljoen"], item.Breakdown.Select(c => c.Value));
        Assert.Equal(["45,5\u00a0%", "47,6\u00a0%", "7,3\u00a0%", "\u22120,5\u00a0%"], item.Breakdown.Select(c => c.Share));
        Assert.True(item.IsNulmeting);
        Assert.Equal(11.44m, item.Series.Single().Value);
        Assert.Equal(LetterFigures.Millions, item.FormattedUnit);
    }

    [Fact]
    public void The_budget_line_shows_the_expected_overspend_in_euros_and_per_cent_as_a_tegenvaller()
    {
        var definition = DefineBreakdown(BreakdownNature.Budget, "EUR", ["Begroot", "Gerealiseerd", "Verwachte uitputting"]);
        var period = ReportingPeriod.HalfYear(2026, 1);
        var item = LetterFigures.Item(definition, period, Breakdown(definition, period, 47_000_000, 29_489_000, 47_900_000), [], 1);

        Assert.Equal("€\u00a047.900.000", item.Value);
        Assert.Equal(new LetterBudget("€\u00a0900.000", "1,9\u00a0%", "overschrijding", "tegenvaller"), item.Budget);
        Assert.Equal(new LetterBudget("€\u00a0500.000", "1,1\u00a0%", "onderschrijding", "meevaller"), LetterFigures.Budget(definition, 47_000_000, 46_500_000));
        Assert.Equal(new LetterBudget("€\u00a00", "0,0\u00a0%", null, null), LetterFigures.Budget(definition, 47_000_000, 47_000_000));
        // € 1.250 on € 4,4 million is no meevaller, and "0,0 %" would misread it.
        var negligible = LetterFigures.Budget(definition, 4_400_000, 4_398_750);
        Assert.Equal(new LetterBudget("€\u00a01.250", "minder dan 0,1\u00a0%", "onderschrijding", null), negligible);
        var close = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample with { Items = [item with { Budget = negligible }] }).Value!;
        Assert.Contains("De verwachte uitputting is vrijwel gelijk aan het budget (€\u00a01.250 lager).", close);
        Assert.DoesNotContain("meevaller", close);

        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample with { Items = [item with { SourceNote = null }] }).Value!;
        Assert.Contains("| Verwachte uitputting | €\u00a047.900.000 |\n| Verwachte overschrijding | €\u00a0900.000 (1,9\u00a0%) |", body);
        Assert.Contains("De verwachte uitputting is €\u00a0900.000 hoger dan begroot (1,9\u00a0% van het budget): een tegenvaller.", body);
        Assert.DoesNotContain("124.389.000", body);
    }

    [Fact]
    public void Separate_measures_are_never_added_but_each_compared_with_the_previous_period()
    {
        var definition = DefineBreakdown(BreakdownNature.Separate, "cliënten", ["Instroom", "Uitstroom", "Doorstroom"]);
        var period = ReportingPeriod.Quarter(2026, 2);
        var item = LetterFigures.Item(definition, period, Breakdown(definition, period, 640, 585, 112), [Breakdown(definition, ReportingPeriod.Quarter(2026, 1), 600, 585, 0)], 1);

        Assert.Null(item.Value);
        Assert.False(item.IsNumeric);
        Assert.Empty(item.Series);
        Assert.Equal("1e kwartaal 2026", item.BreakdownAgainst);
        Assert.Equal(
            [new LetterCategory("Instroom", "640\u00a0cliënten", Before: "600\u00a0cliënten", Change: "+6,7\u00a0%"), new LetterCategory("Uitstroom", "585\u00a0cliënten", Before: "585\u00a0cliënten", Change: "0,0\u00a0%"),
             new LetterCategory("Doorstroom", "112\u00a0cliënten", Before: "0\u00a0cliënten", Change: "van nul")],
            item.Breakdown);

        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample with { Items = [item with { SourceNote = null }] }).Value!;
        Assert.Contains("| Categorie | 2e kwartaal 2025 | 1e kwartaal 2026 | Verschil |", body.Replace(LetterSamples.Sample.Period, "2e kwartaal 2025", StringComparison.Ordinal));
        Assert.Contains("| Instroom | 640\u00a0cliënten | 600\u00a0cliënten | +6,7\u00a0% |", body);
        Assert.DoesNotContain("1.337", body);
    }

    [Fact]
    public void A_half_years_count_is_not_compared_with_a_years_and_the_letter_says_so()
    {
        var definition = Define(IndicatorKind.Count, decimals: 0);

        var item = LetterFigures.Item(definition, ReportingPeriod.HalfYear(2026, 1), Value(2026, 12_030m, half: 1), [Value(2020, 11_870m), Value(2021, 11_764m)], null);

        Assert.Empty(item.Comparisons);
        Assert.False(item.IsNulmeting);
        Assert.Equal("Eerdere cijfers gaan over hele jaren; ze zijn niet vergeleken met de cijfers over het 1e halfjaar 2026.", item.ComparisonNote);
    }

    [Theory]
    [InlineData(93.9, 92.9, "+1,0\u00a0procentpunt")]
    [InlineData(18.1, 18.0, "+0,1\u00a0procentpunt")]
    [InlineData(7.9, 9.2, "\u22121,3\u00a0procentpunten")]
    public void A_change_of_at_most_one_point_is_one_procentpunt_and_more_are_procentpunten(double current, double then, string expected) =>
        Assert.Equal(expected, LetterFigures.Compare(Define(IndicatorKind.Percentage, decimals: 1), "2020", (decimal)current, (decimal)then).Change);

    [Fact]
    public void The_municipalitys_trend_bounds_choose_the_words()
    {
        var definition = Define(IndicatorKind.Count, 0);

        Assert.Equal("gestegen", LetterFigures.Compare(definition, "2020", 108m, 100m).Phrase);
        Assert.Equal("licht gestegen", LetterFigures.Compare(definition, "2020", 108m, 100m, new LetterWording(new TrendThresholds(1m, 10m, 20m), TrendThresholds.DefaultPercentagePoints)).Phrase);
        Assert.Equal("gelijk gebleven", LetterFigures.Compare(definition, "2020", 108m, 100m, new LetterWording(new TrendThresholds(9m, 10m, 20m), TrendThresholds.DefaultPercentagePoints)).Phrase);
    }

    [Fact]
    public void A_changed_definition_is_shown_as_was_and_wordt_beside_the_first_figure_under_it_and_not_after()
    {
        var indicator = new Indicator(Maastricht, "WMO-TIJDIG", new IndicatorSpecification
        {
            Name = "Tijdig afgehandeld", Definition = "Aanvragen binnen 8 weken | van melding tot beschikking.", Kind = IndicatorKind.Percentage, Source = "Monitor",
            ResponsibleTeamId = Team, Decimals = 1,
        }, Cycles.Now);
        var old = indicator.Current;
        indicator.Revise(old.ToSpecification() with { Definition = "Aanvragen binnen 8 weken\nvan aanvraag tot beschikking.", GoodDirection = GoodDirection.Up }, Cycles.Now);
        var current = indicator.Current;
        PeriodValue Under(int year, decimal number, int version) => new(ReportingPeriod.FullYear(year), IndicatorValue.OfNumber(number), null, null, Cycles.Now, version);

        var first = LetterFigures.Item(current, ReportingPeriod.FullYear(2022), Under(2022, 94.2m, 2), [Under(2021, 93.9m, 1)], 1, versions: [old, current]);
        var later = LetterFigures.Item(current, ReportingPeriod.FullYear(2023), Under(2023, 94.8m, 2), [Under(2021, 93.9m, 1), Under(2022, 94.2m, 2)], 1, versions: [old, current]);

        var change = first.DefinitionChange!;
        Assert.Equal(("2021", "2022"), (change.WasUntil, change.IsFrom));
        // Only what changed, on one line per cell with its bars escaped; the direction is no part a reader compares.
        Assert.Equal([new LetterChangedPart("Definitie", "Aanvragen binnen 8 weken \\| van melding tot beschikking.", "Aanvragen binnen 8 weken van aanvraag tot beschikking.")], change.Parts);
        Assert.Null(later.DefinitionChange);
        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample with { Items = [first] }).Value!;
        Assert.Contains("De definitie van deze indicator is gewijzigd na 2021", body);
        Assert.Contains("| Definitie | Aanvragen binnen 8 weken \\| van melding tot beschikking. | Aanvragen binnen 8 weken van aanvraag tot beschikking. |", body);
    }

    [Fact]
    public void The_national_figure_is_set_beside_with_its_own_change_as_the_monitor_does_for_youth_care()
    {
        var national = new Indicator(Maastricht, "JH-AANDEEL-NL", new IndicatorSpecification
        {
            Name = "Aandeel jeugdigen met jeugdhulp in Nederland", Definition = "Landelijk aandeel", Kind = IndicatorKind.Percentage, Source = "CBS",
            ResponsibleTeamId = Team, Decimals = 1,
        }, Cycles.Now).Current;

        var beside = LetterFigures.Benchmark(national, ReportingPeriod.FullYear(2021), [Value(2020, 12.5m), Value(2021, 13.0m)], "CBS");
        var first = LetterFigures.Benchmark(national, ReportingPeriod.FullYear(2021), [Value(2021, 13.0m)], "CBS");
        var missing = LetterFigures.Benchmark(national, ReportingPeriod.FullYear(2022), [Value(2021, 13.0m)], "CBS");

        Assert.Equal(new LetterBenchmark("Aandeel jeugdigen met jeugdhulp in Nederland", "13,0\u00a0%", null, "2020", "gestegen", "+0,5\u00a0procentpunt", "CBS"), beside);
        Assert.Equal(("13,0\u00a0%", null), (first.Value, first.Change));
        Assert.Equal((null, "er is nog geen cijfer over deze periode"), (missing.Value, missing.NotAvailableReason));

        var item = LetterFigures.Item(Define(IndicatorKind.Percentage, 1), ReportingPeriod.FullYear(2021), Value(2021, 16.8m), [], 1) with { Benchmark = beside with { SourceNote = 2, IntroducesSource = true } };
        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample with { Items = [item] }).Value!;
        Assert.Contains("- Aandeel jeugdigen met jeugdhulp in Nederland, ter vergelijking: 13,0\u00a0%; ten opzichte van 2020 gestegen (+0,5\u00a0procentpunt).[^2]", body);
        Assert.Contains("[^2]: Bron: CBS", body);
    }

    private static PeriodValue Value(int year, decimal number, int? half = null) =>
        new(half is { } h ? ReportingPeriod.HalfYear(year, h) : ReportingPeriod.FullYear(year), IndicatorValue.OfNumber(number), null, "Monitor sociaal domein", Cycles.Now, 1);

    private static PeriodValue Quarter(int year, int quarter, decimal number) =>
        new(ReportingPeriod.Quarter(year, quarter), IndicatorValue.OfNumber(number), null, null, Cycles.Now, 1);

    private static PeriodValue Breakdown(IndicatorDefinition definition, ReportingPeriod period, params decimal[] parts) =>
        new(period, IndicatorValue.OfBreakdown(parts.Select((v, i) => new CategoryValue(definition.Categories[i], v))), null, "Financiële administratie", Cycles.Now, 1);

    private static IndicatorDefinition DefineBreakdown(BreakdownNature nature, string unit, string[] categories, bool inMillions = false)
    {
        var definition = new Indicator(Maastricht, "B", new IndicatorSpecification
        {
            Name = "Uitsplitsing", Definition = "Definitie", Kind = IndicatorKind.Breakdown, Source = "Monitor", ResponsibleTeamId = Team,
            Unit = unit, Categories = categories, Nature = nature, InMillions = inMillions,
        }, Cycles.Now).Current;
        return definition;
    }

    private static IndicatorDefinition Define(IndicatorKind kind, int decimals, GoodDirection direction = GoodDirection.Up, Baseline? baseline = null, Target? target = null) =>
        new Indicator(Maastricht, "X", new IndicatorSpecification
        {
            Name = "Indicator", Definition = "Definitie", Kind = kind, Source = "Monitor", ResponsibleTeamId = Team,
            Unit = kind == IndicatorKind.Percentage ? "%" : null, Decimals = decimals, GoodDirection = direction, Baseline = baseline, Target = target,
        }, Cycles.Now).Current;
}
