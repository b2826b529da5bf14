using Bunit;
using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.ReportingCycles;
using Governance.Web.Features.Tasks;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using NSubstitute;

namespace Governance.Web.Tests.Features.Tasks;

public class TeamPageTests : ComponentTestContext
{
    private static MyTask Task(string indicator, IndicatorTaskStatus status, ReportingCycleStatus cycle) => new(
        Guid.NewGuid(), Guid.NewGuid(), indicator, "X", "T-2024-031", "Periodiek inzicht", ReportingPeriod.HalfYear(2026, 1), new DateOnly(2026, 8, 20),
        status, null, null, Overdue: false, CanEnter: status is IndicatorTaskStatus.Open, cycle, 2);

    private IRenderedComponent<TeamPage> Render(params MyTask[] tasks)
    {
        Sender.Send(Arg.Any<ListMyTasksQuery>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<PagedResult<MyTask>>>(new PagedResult<MyTask>(tasks, tasks.Length, 1, 25)));
        Sender.Send(Arg.Any<ListTeamMembersQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<IReadOnlyList<TeamMember>>(
        [
            new TeamMember("u1", "Sanne Peeters", "sanne@x", IsStaff: true, null, null, null),
            new TeamMember("u2", "Maurice Hermans", "maurice@x", IsStaff: false, null, null, null),
        ]));
        SignIn("Maurice Hermans", ["Teamleider"], [Web.Hosting.Policies.LeadTeam]);
        Context.Render<MudBlazor.MudSnackbarProvider>();
        // Rendered interactively, as in the browser: the list then keeps its state in the address.
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Context.Render<TeamPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=team-members] tbody tr")));
        return page;
    }

    [Fact]
    public void Only_handed_in_values_of_reports_still_before_approval_can_be_returned()
    {
        var page = Render(
            Task("Ingediend in verzamelen", IndicatorTaskStatus.Submitted, ReportingCycleStatus.Collecting),
            Task("Nog open", IndicatorTaskStatus.Open, ReportingCycleStatus.Collecting),
            Task("Ingediend, brief ter goedkeuring", IndicatorTaskStatus.Submitted, ReportingCycleStatus.InApproval));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=team-tasks] tbody tr").Count));
        var buttons = page.FindAll("button[aria-label^='Waarde van']").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Waarde van Ingediend in verzamelen terugsturen"], buttons);
    }

    [Fact]
    public void Saving_a_substitute_sends_who_stands_in_and_until_when()
    {
        SetSubstituteCommand? sent = null;
        Sender.Send(Arg.Do<SetSubstituteCommand>(c => sent = c), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result>(Result.Success()));
        var page = Render();
        page.Find("input[aria-label='Sanne Peeters afwezig tot en met']").Change("2026-12-11");
        page.Find("button[aria-label='Vervanging van Sanne Peeters opslaan']").Click();
        page.WaitForAssertion(() => Assert.NotNull(sent));
        Assert.Equal(("u1", (string?)null, new DateOnly(2026, 12, 11)), (sent!.UserId, sent.SubstituteUserId, sent.AwayUntil));
    }
}
