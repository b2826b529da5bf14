using Bunit;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Cockpit;
using Governance.Web.Features.Obligations;
using Governance.Web.Tests.Support;
using Governance.Workflows.Obligations;
using NSubstitute;

namespace Governance.Web.Tests.Features.Cockpit;

public class CockpitPageTests : ComponentTestContext
{
    private static readonly Guid Reported = Guid.NewGuid();

    private static CockpitView View() => new(
        new DateOnly(2026, 11, 25),
        new Dictionary<ObligationStatus, int> { [ObligationStatus.Registered] = 1, [ObligationStatus.InProgress] = 5, [ObligationStatus.Reported] = 1, [ObligationStatus.Fulfilled] = 3, [ObligationStatus.Lapsed] = 0 },
        [],
        [new CockpitStep(Guid.NewGuid(), "M-2014-083", "Vinger aan de pols", ReportingPeriod.Quarter(2026, 2), ReportingCycleStatus.Open, new DateOnly(2026, 7, 21), 19)],
        [],
        [],
        [new CockpitItem(Reported, "T-2025-118", "Informeren over de Beschikbaarheidswijzer", ObligationStatus.Reported, null, "2026.01234", 4)],
        [new CockpitCount("Jeroen Hoenderkamp", 4, 3)],
        [new CockpitCount("Gemeenteraad", 4, 3), new CockpitCount("Domeinvergadering Sociaal", 2, 1)],
        [new CockpitMonth(new DateOnly(2026, 10, 31), 6, 2), new CockpitMonth(new DateOnly(2026, 11, 30), 7, 3)],
        ["Domeinvergadering Sociaal", "Gemeenteraad"],
        new CockpitTotals(0, 1, 0, 0));

    private IRenderedComponent<CockpitPage> Render()
    {
        Sender.Send(Arg.Any<GetCockpitQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<CockpitView>(View()));
        SignIn("Anouk Janssen", ["Griffie"], [Web.Hosting.Policies.ManageObligations]);
        Context.Render<MudBlazor.MudSnackbarProvider>();
        var page = Context.Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.Equal("5", page.Find("[data-testid=count-InProgress]").TextContent));
        return page;
    }

    [Fact]
    public void The_cockpit_shows_counts_late_steps_and_the_chart_with_its_table()
    {
        var page = Render();
        Assert.Contains("Vinger aan de pols", page.Find("[data-testid=overdue-steps]").TextContent);
        Assert.Contains("19 waarden open", page.Find("[data-testid=overdue-steps]").TextContent);
        var chart = page.Find("[data-testid=open-closed-chart]");
        Assert.Equal("img", chart.QuerySelector("svg")!.GetAttribute("role"));
        Assert.Contains("nov 2026", chart.QuerySelector("table")!.TextContent);
        Assert.Contains("Jeroen Hoenderkamp", page.Markup);
    }

    [Fact]
    public void The_list_downloads_name_the_committee_with_the_most_open_items()
    {
        var page = Render();
        Assert.Equal("/api/obligations/list?committee=Gemeenteraad&format=Docx", page.Find("[data-testid=list-docx]").GetAttribute("href"));
        Assert.Equal("/api/obligations/list?committee=Gemeenteraad&format=Csv", page.Find("[data-testid=list-csv]").GetAttribute("href"));
    }

    [Fact]
    public void Confirming_an_item_the_executive_reported_sends_the_second_key_with_the_version_read()
    {
        FireObligationStepCommand? sent = null;
        Sender.Send(Arg.Do<FireObligationStepCommand>(c => sent = c), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<int>>(5));
        var page = Render();
        page.Find("button[aria-label='T-2025-118 afdoen']").Click();
        page.WaitForAssertion(() => Assert.NotNull(sent));
        Assert.Equal((Reported, ObligationWorkflow.Trigger.ConfirmFulfilled, 4), (sent!.Id, sent.Step!.Value, sent.Version!.Value));
    }
}
