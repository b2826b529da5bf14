using Governance.Workflows.Letters;

namespace Governance.Workflows.Tests.Letters;

public sealed class LetterTemplatesTests
{
    [Fact]
    public void The_default_template_writes_the_figures_comparisons_missing_items_and_closing()
    {
        var body = LetterTemplates.Render(LetterTemplates.Default, LetterSamples.Sample).Value!;

        Assert.Contains("## Wmo-aanvragen binnen 8 weken afgehandeld", body);
        Assert.Contains("De waarde was **93,9 %** in het 1e halfjaar 2021.[^1]", body);
        Assert.Contains("- Ten opzichte van 2020 (92,9 %) is dit licht gestegen (+1,0 procentpunt).", body);
        Assert.Contains("Over het 1e halfjaar 2021 zijn nog geen cijfers beschikbaar. Reden: nog geen cijfers beschikbaar; de eerste meting volgt bij de jaarrekening.", body);
        Assert.Contains("Hoogachtend,", body);
        Assert.Contains("**Jeroen Hoenderkamp**  \nWethouder WMO, Welzijn, Sociale Zaken en Gezondheid", body);
        Assert.Contains("[^1]: Bron: Gemeente Maastricht, Wmo-registratie", body);
        Assert.DoesNotContain("waarde ****", body);
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
        var result = LetterTemplates.Render("{% for i in (1..10000000) %}x{% endfor %}", LetterSamples.Sample);

        Assert.Contains("te veel stappen", result.Error!.Message);
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
