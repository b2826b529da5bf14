using Bunit;
using Governance.Domain.Common;
using Governance.Web.Features.Indicators;
using Governance.Web.Features.Obligations;
using Governance.Web.Tests.Support;
using MudBlazor;
using NSubstitute;

namespace Governance.Web.Tests.Features.Obligations;

public class IndicatorDialogTests : ComponentTestContext
{
    private static readonly Guid Team = Guid.NewGuid();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        SignIn("Anouk Janssen", ["Griffie"], [Web.Hosting.Policies.DefineIndicators]);
        Sender.Send(Arg.Any<ListTeamsQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<IReadOnlyList<TeamLine>>([new TeamLine(Team, "Onderzoek en Statistiek")]));
        var provider = Context.Render<MudDialogProvider>();
        RenderPopovers();
        var service = (IDialogService)Context.Services.GetService(typeof(IDialogService))!;
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await service.ShowAsync<IndicatorDialog>("Nieuwe indicator", new DialogParameters<IndicatorDialog> { { d => d.CheckOnly, true } }));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=indicator-form]")));
        return (provider, reference!);
    }

    // Found and clicked in one render pass: the dialog re-renders as fields change.
    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.InvokeAsync(() => provider.FindAll("button").Single(b => b.TextContent.Trim() == label).Click());

    private static Task FillAsync(IRenderedComponent<MudDialogProvider> provider, string label, string value) =>
        provider.InvokeAsync(() => provider.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.TrimEnd('*') == label)
            .QuerySelector("input, textarea")!.Change(value));

    [Fact]
    public async Task A_refused_code_is_shown_beside_the_field_and_a_checked_definition_closes_the_dialog_to_be_created_with_the_obligation()
    {
        DefineIndicatorCommand? sent = null;
        Sender.Send(Arg.Do<DefineIndicatorCommand>(c => sent = c), Arg.Any<CancellationToken>()).Returns(
            new ValueTask<Result<Guid>>(new Invalid(new Dictionary<string, string[]> { ["code"] = ["Er is al een indicator met code TOEG-LIFTEN."] })),
            new ValueTask<Result<Guid>>(Guid.Empty));
        var (provider, dialog) = await OpenAsync();
        await FillAsync(provider, "Code", "toeg-liften");
        await FillAsync(provider, "Naam", "Liften buiten gebruik");
        await FillAsync(provider, "Definitie", "Aantal publieksliften buiten gebruik op de peildatum.");
        await FillAsync(provider, "Bron", "Facilitair beheer");
        await ClickAsync(provider, "Toevoegen");
        provider.WaitForAssertion(() => Assert.Contains("Er is al een indicator met code TOEG-LIFTEN.", provider.Markup));
        Assert.Equal(("toeg-liften", "Liften buiten gebruik", "Facilitair beheer", true), (sent!.Code, sent.Name, sent.Source, sent.CheckOnly));

        await FillAsync(provider, "Code", "toeg-liften-2");
        provider.WaitForAssertion(() => Assert.DoesNotContain("Er is al een indicator", provider.Markup));
        await ClickAsync(provider, "Toevoegen");
        var result = await dialog.Result;
        var defined = Assert.IsType<IndicatorDialog.Defined>(result!.Data);
        Assert.Equal(("TOEG-LIFTEN-2", "Liften buiten gebruik"), (defined.Code, defined.Name));
        Assert.NotEqual(Guid.Empty, defined.Id);
        Assert.Equal(("toeg-liften-2", false), (defined.Pending!.Code, defined.Pending.CheckOnly));
    }

    [Fact]
    public async Task A_percentage_starts_with_one_decimal_and_a_count_with_none()
    {
        DefineIndicatorCommand? sent = null;
        Sender.Send(Arg.Do<DefineIndicatorCommand>(c => sent = c), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<Guid>>(Guid.NewGuid()));
        var (provider, dialog) = await OpenAsync();
        var kind = provider.FindComponent<MudSelect<Domain.Indicators.IndicatorKind?>>();

        await provider.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(Domain.Indicators.IndicatorKind.Percentage));
        await FillAsync(provider, "Code", "aandeel-x");
        await FillAsync(provider, "Naam", "Aandeel");
        await FillAsync(provider, "Definitie", "Aandeel van iets.");
        await FillAsync(provider, "Bron", "Monitor");
        await ClickAsync(provider, "Toevoegen");
        await dialog.Result;

        Assert.Equal(1, sent!.Decimals);
    }
}
