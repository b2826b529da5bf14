using Bunit;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Web.Features.Obligations;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Governance.Web.Tests.Features.Obligations;

public class ObligationsPageTests : ComponentTestContext
{
    private static readonly ObligationSummary Poverty = new(
        Guid.NewGuid(), ObligationKind.Motion, "M-2021-047", "Halveren aantal kinderen in armoede 2030", new DateOnly(2021, 7, 13), "Gemeenteraad",
        "Armoede en schuldhulpverlening", Cadence.HalfYearly, ObligationStatus.InProgress, null, new DateOnly(2030, 12, 31), ["Jeroen Hoenderkamp"]);

    private static readonly ObligationSummary Dashboards = new(
        Guid.NewGuid(), ObligationKind.Commitment, "T-2024-031", "Periodiek inzicht in de dashboards sociaal domein", new DateOnly(2024, 3, 5), "Domeinvergadering Sociaal",
        "Sociaal domein (breed)", Cadence.Once, ObligationStatus.Fulfilled, new DateOnly(2025, 9, 9), null, ["Jeroen Hoenderkamp", "Johan Pas"]);

    public ObligationsPageTests()
    {
        SignIn("Lotte Vossen", ["Raadslid"]);
        Sender.Send(Arg.Any<ListAldermenQuery>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<IReadOnlyList<AldermanLine>>([new AldermanLine(Guid.NewGuid(), "Jeroen Hoenderkamp", "Wethouder WMO")]));
        Sender.Send(Arg.Any<ListObligationsQuery>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<PagedResult<ObligationSummary>>>(new PagedResult<ObligationSummary>([Poverty, Dashboards], 2, 1, 25)));
        // Rendered interactively, as in the browser: the list then keeps its state in the address.
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void The_list_shows_each_obligation_in_Dutch_with_a_link_to_its_page()
    {
        RenderPopovers();
        var page = Context.Render<ObligationsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        var first = page.FindAll("tbody tr")[0].TextContent;
        Assert.Contains("M-2021-047", first);
        Assert.Contains("Motie", first);
        Assert.Contains("13 juli 2021", first);
        Assert.Contains("In uitvoering", first);
        Assert.Contains("Halfjaarlijks (P&C)", first);
        Assert.Contains("tot 31 december 2030", first);
        var second = page.FindAll("tbody tr")[1].TextContent;
        Assert.Contains("Toezegging", second);
        Assert.Contains("Afgedaan", second);
        Assert.Contains("Jeroen Hoenderkamp, Johan Pas", second);
        Assert.Equal($"/obligations/{Poverty.Id}", page.Find($"a[href='/obligations/{Poverty.Id}']").GetAttribute("href"));
    }

    [Fact]
    public void The_first_page_is_asked_from_the_server_newest_first()
    {
        RenderPopovers();
        var page = Context.Render<ObligationsPage>();
        page.WaitForAssertion(() => Sender.Received().Send(
            Arg.Is<ListObligationsQuery>(q => q.Page == 1 && q.PageSize == 25 && q.Sort == ObligationSort.AdoptedOn && q.Descending),
            Arg.Any<CancellationToken>()));
    }

    [Fact]
    public void Searching_asks_the_server_for_the_search_term()
    {
        RenderPopovers();
        var page = Context.Render<ObligationsPage>();
        page.Find("input").Input("armoede");
        page.WaitForAssertion(
            () => Sender.Received().Send(Arg.Is<ListObligationsQuery>(q => q.Search == "armoede"), Arg.Any<CancellationToken>()),
            TimeSpan.FromSeconds(3));
        // The search is kept in the address, so Back from an obligation finds it again.
        page.WaitForAssertion(() => Assert.Contains("q=armoede", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_in_the_address_filters_the_list()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/obligations?status=Fulfilled");
        RenderPopovers();
        var page = Context.Render<ObligationsPage>();
        page.WaitForAssertion(() => Sender.Received().Send(
            Arg.Is<ListObligationsQuery>(q => q.Status == ObligationStatus.Fulfilled), Arg.Any<CancellationToken>()));
    }

    [Fact]
    public void An_empty_result_says_so()
    {
        Sender.Send(Arg.Any<ListObligationsQuery>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<PagedResult<ObligationSummary>>>(new PagedResult<ObligationSummary>([], 0, 1, 25)));
        RenderPopovers();
        var page = Context.Render<ObligationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Geen moties of toezeggingen gevonden.", page.Markup));
    }
}
