using Bunit;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Web.Features.Letters;
using Governance.Web.Tests.Support;
using Governance.Workflows.Letters;
using NSubstitute;

namespace Governance.Web.Tests.Features.Letters;

public class TemplatesPageTests : ComponentTestContext
{
    private IRenderedComponent<MudBlazor.MudDialogProvider>? _dialogs;

    private IRenderedComponent<TemplatesPage> Render(int? motionVersion = null)
    {
        SignIn("Ruud Willems", ["Beheerder"]);
        RenderPopovers();
        _dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        Sender.Send(Arg.Any<GetLetterTemplatesQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<IReadOnlyList<LetterTemplateView>>(
        [
            motionVersion is { } v
                ? new LetterTemplateView(ObligationKind.Motion, "Eigen sjabloon voor {{ obligation.title }}.", false, "Anouk Janssen", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), v)
                : new LetterTemplateView(ObligationKind.Motion, LetterTemplates.Default, true, null, null, null),
            new LetterTemplateView(ObligationKind.Commitment, LetterTemplates.Default, true, null, null, null),
        ]));
        Sender.Send(Arg.Any<GetTemplateSampleQuery>(), Arg.Any<CancellationToken>()).Returns(call => new ValueTask<LetterModel>(
            call.Arg<GetTemplateSampleQuery>().Kind == ObligationKind.Motion ? LetterSamples.Sample with { Obligation = LetterSamples.ObligationOf(ObligationKind.Motion) } : LetterSamples.Sample));
        return Context.Render<TemplatesPage>();
    }

    private static Task TypeAsync(IRenderedComponent<TemplatesPage> page, string text) =>
        page.InvokeAsync(() => page.Find("textarea").Input(text));

    [Fact]
    public void The_default_template_is_previewed_on_the_sample_letter()
    {
        var page = Render();
        page.WaitForAssertion(() => Assert.Contains("Het standaardsjabloon is in gebruik.", page.Find("[data-testid=template-origin]").TextContent));
        var preview = page.Find("[data-testid=template-preview]").TextContent;
        Assert.Contains("93,9 %", preview);
        Assert.Contains("nog geen cijfers beschikbaar", preview);
        Assert.Contains("Hoogachtend,", preview);
    }

    [Fact]
    public async Task A_broken_template_names_its_line_and_cannot_be_saved()
    {
        var page = Render();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("textarea")));

        await TypeAsync(page, "Regel een\n{% if items %}\nZonder einde");

        page.WaitForAssertion(() => Assert.Contains("regel", page.Find("[data-testid=template-error]").TextContent), TimeSpan.FromSeconds(5));
        Assert.True(page.Find("[data-testid=template-save]").HasAttribute("disabled"));
        await Sender.DidNotReceive().Send(Arg.Any<SaveLetterTemplateCommand>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_template_using_a_name_outside_the_letter_model_is_refused_in_the_preview()
    {
        var page = Render();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("textarea")));

        await TypeAsync(page, "{{ environment.password }}");

        page.WaitForAssertion(() => Assert.Contains("'environment' bestaat niet in het briefmodel", page.Find("[data-testid=template-error]").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Saving_sends_the_text_with_the_version_read_and_the_preview_follows_the_typing()
    {
        var page = Render(motionVersion: 4);
        Sender.Send(Arg.Any<SaveLetterTemplateCommand>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<int>>(5));
        page.WaitForAssertion(() => Assert.Contains("Opgeslagen door Anouk Janssen", page.Find("[data-testid=template-origin]").TextContent));

        await TypeAsync(page, "Geachte raad, over {{ the_period }}: {% for item in items %}{{ item.name }}; {% endfor %}");
        page.WaitForAssertion(() => Assert.Contains("Geachte raad, over het 1e halfjaar 2021: Wmo-aanvragen binnen 8 weken afgehandeld;", page.Find("[data-testid=template-preview]").TextContent), TimeSpan.FromSeconds(5));
        await page.InvokeAsync(() => page.Find("[data-testid=template-save]").Click());

        await Sender.Received(1).Send(Arg.Is<SaveLetterTemplateCommand>(c => c.Kind == ObligationKind.Motion && c.Version == 4 && c.Text!.StartsWith("Geachte raad")), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_editor_numbers_its_lines_and_each_kind_previews_a_sample_of_its_own_kind()
    {
        var page = Render();
        page.WaitForAssertion(() => Assert.Contains("motie ‘Vinger aan de pols’", page.Find("[data-testid=template-preview]").TextContent));

        await TypeAsync(page, "Regel een\nRegel twee\nRegel drie");

        page.WaitForAssertion(() => Assert.Equal("1\n2\n3", page.Find(".template-lines").TextContent));
        Assert.Equal("true", page.Find(".template-lines").GetAttribute("aria-hidden"));
        Assert.Equal("off", page.Find("textarea").GetAttribute("wrap"));
        await Sender.Received().Send(Arg.Is<GetTemplateSampleQuery>(q => q.Kind == ObligationKind.Motion), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Unsaved_changes_are_named_and_switching_kind_asks_before_discarding_them()
    {
        var page = Render();
        var dialogs = _dialogs!;
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("textarea")));
        Assert.DoesNotContain("niet opgeslagen", page.Find("label[for=template-text]").TextContent);

        await TypeAsync(page, "Eigen tekst");
        page.WaitForAssertion(() => Assert.Contains("niet opgeslagen", page.Find("label[for=template-text]").TextContent));

        await page.InvokeAsync(() => page.FindAll(".mud-toggle-item").Single(t => t.TextContent.Contains("Toezegging", StringComparison.Ordinal)).Click());

        dialogs.WaitForAssertion(() => Assert.Contains("Wilt u de wijzigingen weggooien?", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Annuleren").Click());
        // Kept: the motion's text stays in the editor, still unsaved.
        page.WaitForAssertion(() => Assert.Contains("niet opgeslagen", page.Find("label[for=template-text]").TextContent));
        Assert.Equal("Eigen tekst", page.Find("textarea").GetAttribute("value"));
    }
}
