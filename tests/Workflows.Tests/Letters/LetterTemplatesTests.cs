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
