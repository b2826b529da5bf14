using Governance.Domain.Obligations;
using Governance.Workflows.Letters;

namespace Governance.Workflows.Tests.Letters;

public sealed class LetterTemplatesTests
{
    [Fact]
    public void The_default_template_writes_the_figures_comparisons_missing_items_and_closing()
    {
        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample).Value!;

        Assert.Contains("Met deze brief informeren wij u over de toezegging ‘Periodiek inzicht in de cijfers van het sociaal domein’ (T-2024-012), gedaan in de domeinvergadering sociaal van 5 maart 2024.", body);
        Assert.Contains("## Achtergrond\n\nDeze toezegging is gedaan in de domeinvergadering sociaal van 5 maart 2024:\n\n> De wethouder zegt toe te onderzoeken", body);
        Assert.Contains("## Wmo-aanvragen binnen 8 weken afgehandeld", body);
        Assert.Contains("In het 1e halfjaar 2021 was dit **93,9 %** (2.660 van de 2.834 aanvragen).[^1]", body);
        Assert.DoesNotContain("De waarde was", body);
        Assert.Contains("- Ten opzichte van 2020 (92,9 %) is dit licht gestegen (+1,0 procentpunt).", body);
        Assert.Contains("Over het 1e halfjaar 2021 zijn nog geen cijfers beschikbaar. Reden: nog geen cijfers beschikbaar; de eerste meting volgt bij de jaarrekening.", body);
        Assert.Contains("Hoogachtend,", body);
        Assert.Contains("**Jeroen Hoenderkamp**  \nWethouder WMO, Welzijn, Sociale Zaken en Gezondheid", body);
        Assert.Contains("[^1]: Bron: Gemeente Maastricht, Wmo-registratie", body);
        Assert.DoesNotContain("waarde ****", body);
    }

    [Theory]
    [InlineData(ObligationKind.Motion, "Gemeenteraad", "motie", "aangenomen in de vergadering van de gemeenteraad van 11 november 2014")]
    [InlineData(ObligationKind.Commitment, "Domeinvergadering Sociaal", "toezegging", "gedaan in de domeinvergadering Sociaal van 11 november 2014")]
    [InlineData(ObligationKind.Commitment, "Raadscommissie Sociaal Domein Vaals", "toezegging", "gedaan in de vergadering van de raadscommissie Sociaal Domein Vaals van 11 november 2014")]
    public void The_letter_says_where_a_motion_was_adopted_and_a_commitment_made(ObligationKind kind, string body, string word, string occasion)
    {
        var described = LetterComposer.Describe(kind, "M-2014-083", "Vinger aan de pols", "Verzoekt het college …", body, new DateOnly(2014, 11, 11));

        Assert.Equal(word, described.Kind);
        Assert.Equal(occasion, $"{described.Verb} {described.Occasion}");
    }

    [Fact]
    public void A_letter_is_offered_for_approval_only_with_a_telephone_number_and_an_e_mail_address_beside_who_handles_it()
    {
        static Domain.Letters.LetterVersion Version(string handledBy, string? phone, string? email) => Domain.Letters.LetterVersion.Preview(
            new Domain.Letters.LetterContent("Onderwerp", handledBy, phone, "Tekst", System.Text.Json.JsonSerializer.Serialize(LetterSamples.Sample with { Email = email }, LetterComposer.DataJson)),
            new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc));

        Assert.Null(SubmitLetterHandler.MissingContact(Version("S. Peeters", "043 350 41 00", "onderzoek@maastricht.nl")));
        Assert.Equal("een telefoonnummer", SubmitLetterHandler.MissingContact(Version("S. Peeters", null, "onderzoek@maastricht.nl")));
        Assert.Equal("een telefoonnummer en een e-mailadres", SubmitLetterHandler.MissingContact(Version("S. Peeters", " ", null)));
    }

    [Fact]
    public void The_vervolg_names_the_next_report_and_when_it_reaches_the_council_or_proposes_to_close_after_the_last()
    {
        var year2026 = new Domain.Planning.PlanningYear(Domain.Municipalities.MunicipalityId.New(), 2026);
        year2026.SetFirstManagementReport(new DateOnly(2026, 7, 7));
        year2026.SetAnnualAccounts(new DateOnly(2027, 6, 8));
        year2026.SetCouncilMeetings([new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 15)]);
        var schedule = new Domain.Planning.ReportingSchedule(new Domain.Planning.PlanningCalendar([year2026]),
            Domain.Planning.WorkingDayCalendar.Dutch(Domain.Planning.DutchPublicHolidays.Default), Domain.Planning.DeadlineRules.Default);

        Assert.Equal(new LetterFollowUp(false, "2026", "bij de jaarrekening 2026 (juni 2027)"),
            LetterComposer.FollowUp(Cadence.HalfYearly, null, Domain.ReportingCycles.ReportingPeriod.HalfYear(2026, 1), schedule));
        Assert.Equal(new LetterFollowUp(false, "het 3e kwartaal 2026", "in november 2026"),
            LetterComposer.FollowUp(Cadence.Quarterly, null, Domain.ReportingCycles.ReportingPeriod.Quarter(2026, 2), schedule));
        Assert.Equal(new LetterFollowUp(false, "2027", "in februari 2028"),
            LetterComposer.FollowUp(Cadence.Yearly, null, Domain.ReportingCycles.ReportingPeriod.FullYear(2026), schedule));
        Assert.True(LetterComposer.FollowUp(Cadence.HalfYearly, new DateOnly(2026, 6, 30), Domain.ReportingCycles.ReportingPeriod.HalfYear(2026, 1), schedule).Last);
        Assert.True(LetterComposer.FollowUp(Cadence.Once, null, Domain.ReportingCycles.ReportingPeriod.OnDate(new DateOnly(2026, 12, 15)), schedule).Last);

        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample).Value!;
        Assert.Contains("## Vervolg\n\nDe volgende rapportage gaat over 2021 en komt bij de jaarrekening 2021 (juni 2022).\n\nNu al interesse", body);
        var last = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample with { Next = new LetterFollowUp(Last: true) }).Value!;
        Assert.Contains("## Vervolg\n\nMet deze brief is aan de toezegging voldaan. Wij stellen u voor de toezegging als afgedaan te beschouwen.", last);
    }

    [Fact]
    public void A_source_is_told_right_after_the_first_figure_that_cites_it_so_a_line_added_at_the_end_stays_out_of_it()
    {
        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample).Value!;

        var note = body.IndexOf("[^1]: Bron:", StringComparison.Ordinal);
        Assert.InRange(note, body.IndexOf("*Definitie: Het aandeel Wmo-aanvragen", StringComparison.Ordinal), body.IndexOf("## Niet-gebruik Kindpakket", StringComparison.Ordinal));
        Assert.Equal(1, body.Split("[^1]: ").Length - 1);
        Assert.EndsWith("Wethouder Economie, Sport, Jeugdzorg, Water, Natuur en Landschap", body.TrimEnd());
    }

    [Fact]
    public void A_period_still_running_is_told_in_the_present_tense_and_a_breakdown_is_not_added_up()
    {
        var sample = LetterSamples.Sample;
        var model = sample with
        {
            InPeriod = "op 18 december 2026",
            PeriodIsPast = false,
            Items =
            [
                sample.Items[0],
                new LetterItem { Name = "Wmo-aanvragen", Definition = "Het aantal aanvragen.", Kind = "aantal", Available = true, Value = "2.834 aanvragen", IsNumeric = true },
                new LetterItem
                {
                    Name = "Instroom en uitstroom", Definition = "Instroom en uitstroom.", Kind = "verdeling", Nature = "afzonderlijk", Available = true, IsNumeric = false,
                    Breakdown = [new LetterCategory("Instroom", "640"), new LetterCategory("Uitstroom", "585")],
                },
            ],
        };

        var body = LetterTemplates.Render(LetterTemplates.Default, model).Value!;

        Assert.Contains("Op 18 december 2026 is dit **93,9 %** (2.660 van de 2.834 aanvragen).", body);
        Assert.Contains("Op 18 december 2026 gaat het om **2.834 aanvragen**.", body);
        Assert.Contains("Op 18 december 2026 zijn de cijfers als volgt.", body);
        Assert.Contains("| Uitstroom | 585 |", body);
        Assert.DoesNotContain("1.225", body);
    }

    [Fact]
    public void The_nulmeting_is_named_and_a_replaced_comparison_is_explained()
    {
        var sample = LetterSamples.Sample;
        var model = sample with
        {
            Items =
            [
                new LetterItem { Name = "Nieuw", Definition = "Een nieuwe indicator.", Kind = "aantal", Available = true, Value = "120", IsNumeric = true, IsNulmeting = true },
                new LetterItem
                {
                    Name = "Ouder", Definition = "Een bestaande indicator.", Kind = "aantal", Available = true, Value = "121", IsNumeric = true,
                    Comparisons = [new LetterComparison("het 4e kwartaal 2025", "110", "gestegen", "+10,0\u00a0%")],
                    ComparisonNote = "Over het 1e kwartaal 2026 is geen cijfer beschikbaar; daarom is vergeleken met het 4e kwartaal 2025.",
                },
            ],
        };

        var body = LetterTemplates.Render(LetterTemplates.Default, model).Value!;

        Assert.Contains("ging het om **120**. Dit is het eerste cijfer, de nulmeting: volgende brieven vergelijken hiermee.", body);
        Assert.Contains("- Ten opzichte van het 4e kwartaal 2025 (110) is dit gestegen (+10,0\u00a0%).\n\nOver het 1e kwartaal 2026 is geen cijfer beschikbaar; daarom is vergeleken met het 4e kwartaal 2025.", body);
    }

    [Fact]
    public void A_comparison_note_that_holds_for_every_figure_is_said_once_after_the_introduction()
    {
        const string note = "Eerdere cijfers gaan over hele jaren; ze zijn niet vergeleken met de cijfers over het 1e halfjaar 2026.";
        LetterItem Figure(string name, string? comparisonNote) =>
            new() { Name = name, Definition = "Definitie.", Kind = "aantal", Available = true, Value = "1", IsNumeric = true, ComparisonNote = comparisonNote };
        var text = new LetterItem { Name = "Tekst", Definition = "Definitie.", Kind = "tekst", Available = true, Text = "Tekst.", IsNumeric = false };

        var (items, general) = LetterComposer.SayOnce([Figure("A", note), text, Figure("B", note)]);
        var (mixed, none) = LetterComposer.SayOnce([Figure("A", note), Figure("B", null)]);

        Assert.Equal(note, general);
        Assert.All(items, i => Assert.Null(i.ComparisonNote));
        Assert.Null(none);
        Assert.Equal(note, mixed[0].ComparisonNote);
        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample with { Items = items, ComparisonNote = general }).Value!;
        Assert.Contains("geven we geen beleidsduiding. " + note, body);
        Assert.Equal(1, body.Split("Eerdere cijfers").Length - 1);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_refused_with_its_line()
    {
        var result = LetterTemplates.Render("Regel een\n\n{% for item in items %}\n{{ item.name }}", LetterSamples.Sample);

        var error = Assert.IsType<LetterTemplateFailed>(result.Error);
        Assert.Equal(4, error.Line);
        Assert.Contains("(regel 4)", error.Message);
    }

    [Fact]
    public void A_badly_written_tag_is_named_in_dutch_with_its_line()
    {
        var result = LetterTemplates.Render("Regel een\n{% if %}\nja\n{% endif %}", LetterSamples.Sample);

        var error = Assert.IsType<LetterTemplateFailed>(result.Error);
        Assert.Equal(2, error.Line);
        Assert.Contains("de opdracht 'if' is hier niet goed geschreven", error.Message);
        Assert.DoesNotContain("Invalid", error.Message);
    }

    [Fact]
    public void A_template_naming_something_outside_the_letter_model_is_refused()
    {
        var result = LetterTemplates.Render("{{ obligation.title }} {{ system.environment }}", LetterSamples.Sample);

        Assert.Contains("'system' bestaat niet in het briefmodel", result.Error!.Message);
    }

    [Theory]
    [InlineData("{% include 'appsettings.json' %}")]
    [InlineData("{%- render '/etc/passwd' %}")]
    public void A_template_cannot_reach_files(string text)
    {
        var result = LetterTemplates.Render(text, LetterSamples.Sample);

        Assert.Contains("kan geen andere bestanden", result.Error!.Message);
    }

    [Fact]
    public void An_endless_template_is_stopped()
    {
        var result = LetterTemplates.Render("{% for i in (1..9000) %}{% for j in (1..9000) %}x{% endfor %}{% endfor %}", LetterSamples.Sample);

        Assert.Contains("te veel stappen", result.Error!.Message);
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "telt meer dan 10.000 getallen")]
    [InlineData("{% assign n = 100000000 %}{% for i in (1..n) %}x{% endfor %}", "telt meer dan 10.000 getallen")]
    [InlineData("{% assign x = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign x = x | append: x %}{% endfor %}{{ x }}", "'x' wordt langer dan 199.999 tekens")]
    [InlineData("{% capture x %}{% for i in (1..9999) %}{% for j in (1..19) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}{% endcapture %}{{ x }}", "te veel stappen")]
    [InlineData("{% for i in (1..9999) %}{{ items.first.name }}{{ items.first.name }}{{ items.first.name }}{{ items.first.name }}{% endfor %}", "de brief wordt langer dan 199.999 tekens")]
    [InlineData("{% assign a = '1,2,3,4,5,6,7,8' | split: ',' %}{% for i in (1..20) %}{% assign a = a | concat: a %}{% endfor %}{{ a.size }}", "'a' krijgt meer dan 10.000 elementen")]
    public void A_template_that_would_take_too_much_time_or_memory_is_refused_quickly_with_little_memory(string text, string reason)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = LetterTemplates.Render(text, LetterSamples.Sample);

        Assert.Contains(reason, result.Error!.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, 100L * 1024 * 1024);
    }

    [Theory]
    [InlineData("{% assign x = 1 %}")]
    [InlineData("   \n{% comment %}niets{% endcomment %}\n")]
    public void A_template_whose_letter_would_have_no_text_is_refused(string text)
    {
        var result = LetterTemplates.Render(text, LetterSamples.Sample);

        Assert.Contains("levert geen tekst op", result.Error!.Message);
    }

    [Fact]
    public void Two_hundred_nested_captures_are_refused_not_rendered_to_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("{% capture a %}", 200)) + "x" + string.Concat(Enumerable.Repeat("{% endcapture %}", 200));

        Assert.False(LetterTemplates.Render(text, LetterSamples.Sample).Succeeded);
    }

    [Fact]
    public void Small_ranges_reversed_and_counted_from_the_model_still_work()
    {
        var result = LetterTemplates.Render("{% for i in (1..3) reversed %}{{ i }}{% endfor %}-{% for i in (1..items.size) limit: 2 %}{{ i }}{% endfor %}", LetterSamples.Sample);

        Assert.Equal("321-12\n", result.Value);
    }

    [Fact]
    public void Members_of_the_model_that_are_not_properties_of_letter_types_are_refused()
    {
        var result = LetterTemplates.Render("[{{ items.first.get_type }}]", LetterSamples.Sample);

        Assert.Contains("'get_type' bestaat niet in het briefmodel", result.Error!.Message);
    }

    [Fact]
    public void Empty_properties_of_the_model_are_simply_empty()
    {
        var result = LetterTemplates.Render("[{{ items.last.value }}][{{ items.first.trajectory.status }}][{{ phone }}]", LetterSamples.Sample);

        Assert.Equal("[][][043 350 0000]\n", result.Value);
    }
}
