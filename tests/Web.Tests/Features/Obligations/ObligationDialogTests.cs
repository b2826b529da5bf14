using Bunit;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Web.Features.Indicators;
using Governance.Web.Features.Obligations;
using Governance.Web.Tests.Support;
using MudBlazor;
using NSubstitute;

namespace Governance.Web.Tests.Features.Obligations;

public class ObligationDialogTests : ComponentTestContext
{
    private static readonly Guid Alderman = Guid.NewGuid();
    private static readonly IndicatorSummary Clients = new(Guid.NewGuid(), "WMO-CLIENTEN", "Inwoners met Wmo-ondersteuning", Domain.Indicators.IndicatorKind.Count, "inwoners", 0, "Monitor", "Onderzoek", 1);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(ObligationOverview? existing = null)
    {
        SignIn("Anouk Janssen", ["Griffie"], [Web.Hosting.Policies.ManageObligations]);
        Sender.Send(Arg.Any<ListAldermenQuery>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<IReadOnlyList<AldermanLine>>([new AldermanLine(Alderman, "Jeroen Hoenderkamp", "Wethouder WMO")]));
        Sender.Send(Arg.Any<ListIndicatorsQuery>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<PagedResult<IndicatorSummary>>>(new PagedResult<IndicatorSummary>([Clients], 1, 1, 20)));
        var provider = Context.Render<MudDialogProvider>();
        RenderPopovers();
        var service = Context.Services.GetService(typeof(IDialogService)) as IDialogService;
        var parameters = new DialogParameters<ObligationDialog>();
        if (existing is not null)
        {
            parameters.Add(d => d.Existing, existing);
        }

        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await service!.ShowAsync<ObligationDialog>("Registreren", parameters));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=obligation-form]")));
        return (provider, reference!);
    }

    // Found and clicked in one render pass: the dialog re-renders as fields change.
    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.InvokeAsync(() => provider.FindAll("button").Single(b => b.TextContent.Trim() == label).Click());

    private static Task FillAsync(IRenderedComponent<MudDialogProvider> provider, string label, string value) =>
        provider.InvokeAsync(() => provider.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.TrimEnd('*') == label)
            .QuerySelector("input, textarea")!.Change(value));

    [Fact]
    public async Task The_servers_messages_appear_beside_their_fields_and_go_when_the_field_is_changed()
    {
        Sender.Send(Arg.Any<RegisterObligationCommand>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<Guid>>(new Invalid(new Dictionary<string, string[]>
        {
            ["reference"] = ["Er is al een motie of toezegging met nummer M-2021-047."],
            ["indicators"] = ["Kies ten minste één indicator of informatie-item."],
        })));
        var (provider, _) = await OpenAsync();
        await ClickAsync(provider, "Registreren");
        provider.WaitForAssertion(() => Assert.Contains("Er is al een motie of toezegging met nummer M-2021-047.", provider.Markup));
        Assert.Contains("Kies ten minste één indicator of informatie-item.", provider.Markup);

        await FillAsync(provider, "Nummer", "M-2026-088");
        provider.WaitForAssertion(() => Assert.DoesNotContain("Er is al een motie", provider.Markup));
        Assert.Contains("Kies ten minste één indicator", provider.Markup);
    }

    [Fact]
    public async Task A_registered_motion_is_sent_with_its_fields_and_the_dialog_closes_with_its_id()
    {
        RegisterObligationCommand? sent = null;
        var id = Guid.NewGuid();
        Sender.Send(Arg.Do<RegisterObligationCommand>(c => sent = c), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<Guid>>(id));
        var (provider, dialog) = await OpenAsync();
        await FillAsync(provider, "Nummer", " M-2026-088 ");
        await FillAsync(provider, "Titel", "Toegankelijk stadhuis");
        await FillAsync(provider, "Tekst (dictum of toezegging)", "Verzoekt het college…");
        await FillAsync(provider, "Aangenomen of toegezegd op", "2026-11-18");
        await FillAsync(provider, "Indienende partijen", "PvdA, D66 ,");
        await ClickAsync(provider, "Registreren");
        var result = await dialog.Result;
        Assert.Equal(id, result!.Data);
        Assert.Equal(("M-2026-088", "Toegankelijk stadhuis", new DateOnly(2026, 11, 18), ObligationKind.Motion), (sent!.Reference, sent.Title, sent.AdoptedOn, sent.Kind));
        Assert.Equal(["PvdA", "D66"], sent.SubmittingParties!);
    }

    [Fact]
    public async Task Revising_prefills_the_form_and_sends_the_version_that_was_read()
    {
        ReviseObligationCommand? sent = null;
        Sender.Send(Arg.Do<ReviseObligationCommand>(c => sent = c), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<int>>(8));
        var existing = new ObligationOverview(
            Guid.NewGuid(), ObligationKind.Commitment, "T-2024-031", "Periodiek inzicht", "De wethouder zegt toe…", new DateOnly(2024, 3, 5),
            "Domeinvergadering Sociaal", new DateOnly(2024, 3, 5), "Sociaal domein (breed)", Cadence.HalfYearly, null, null, new DateOnly(2024, 3, 5),
            ObligationStatus.InProgress, null, [], 7, [], [new AldermanLine(Alderman, "Jeroen Hoenderkamp", "Wethouder WMO")],
            [new IndicatorLine(Clients.Id, "a", Clients.Code, Clients.Name, Clients.Kind, Clients.Unit, 0, null, null, null, null)], [], []);
        var (provider, _) = await OpenAsync(existing);
        Assert.Contains("WMO-CLIENTEN", provider.Find("[data-testid=picked-indicators]").TextContent);
        await FillAsync(provider, "Titel", "Periodiek inzicht in de dashboards");
        await ClickAsync(provider, "Opslaan");
        provider.WaitForAssertion(() => Assert.NotNull(sent));
        Assert.Equal((existing.Id, 7, "Periodiek inzicht in de dashboards"), (sent!.Id, sent.Version!.Value, sent.Title));
        Assert.Equal([Alderman], sent.AldermanIds!);
        Assert.Equal([new RequiredIndicatorInput(Clients.Id, "a")], sent.Indicators!);
        Assert.Empty(sent.SubmittingParties!);
    }
}
