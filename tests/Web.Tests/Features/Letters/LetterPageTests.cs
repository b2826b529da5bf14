using Bunit;
using Governance.Domain.Common;
using Governance.Web.Features.Letters;
using Governance.Web.Tests.Support;
using Governance.Workflows.Letters;
using NSubstitute;

namespace Governance.Web.Tests.Features.Letters;

public class LetterPageTests : ComponentTestContext
{
    private static readonly Guid Id = Guid.NewGuid();

    private IRenderedComponent<LetterPage> Render(LetterView view, string role)
    {
        SignIn("Hubert Mackus", [role]);
        RenderPopovers();
        Context.Render<MudBlazor.MudDialogProvider>();
        Sender.Send(Arg.Any<GetLetterQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<LetterView>>(view));
        return Context.Render<LetterPage>(p => p.Add(x => x.Id, Id));
    }

    [Fact]
    public void An_alderman_whose_approval_went_stale_is_told_why_and_may_approve_the_new_version()
    {
        var page = Render(LetterViews.InApproval(Id, new LetterActions(false, false, true, true, false, false), staleOfMackus: 1), "Wethouder");

        page.WaitForAssertion(() => Assert.Equal("Ter goedkeuring", page.Find("[data-testid=letter-status]").TextContent.Trim()));
        Assert.Contains("Hubert Mackus keurde versie 1 goed; de brief is daarna gewijzigd (nu versie 2: Bewerkt door Sanne Peeters). Een nieuwe goedkeuring is nodig.",
            page.Find("[data-testid=stale-approval]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=letter-approve]"));
        Assert.Empty(page.FindAll("[data-testid=letter-submit]"));
        Assert.Contains("93,9 %", page.Find("[data-testid=letter-preview]").TextContent);
        Assert.Equal($"/api/letters/{Id}/pdf?version=2", page.Find("[data-testid=download-pdf]").GetAttribute("href"));
    }

    [Fact]
    public async Task Approving_on_the_page_sends_the_version_read()
    {
        var page = Render(LetterViews.InApproval(Id, new LetterActions(false, false, true, true, false, false)), "Wethouder");
        IReadOnlyList<LetterApprovalOutcome> outcome = [new LetterApprovalOutcome(Id, true, "2026.00002", null)];
        Sender.Send(Arg.Any<ApproveLettersCommand>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<IReadOnlyList<LetterApprovalOutcome>>>(Result<IReadOnlyList<LetterApprovalOutcome>>.Success(outcome)));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=letter-approve]")));

        await page.InvokeAsync(() => page.Find("[data-testid=letter-approve]").Click());

        await Sender.Received(1).Send(Arg.Is<ApproveLettersCommand>(c => c.Letters.Single().LetterId == Id && c.Letters.Single().Version == 2), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_drafter_edits_the_text_with_a_live_preview_and_saves_a_new_version_with_the_version_read()
    {
        var draft = LetterViews.InApproval(Id, new LetterActions(true, true, false, false, false, true)) with { Status = Domain.Letters.CouncilLetterStatus.Draft };
        var page = Render(draft, "Medewerker");
        Sender.Send(Arg.Any<EditLetterCommand>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<int>>(8));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=letter-submit]")));
        Assert.Empty(page.FindAll("[data-testid=letter-approve]"));

        await page.InvokeAsync(() => page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Bewerken").Click());
        page.WaitForAssertion(() => Assert.Contains("93,9 %", page.Find("[data-testid=letter-live-preview]").TextContent));
        await page.InvokeAsync(() => page.Find("textarea").Input("## Nieuwe kop\n\nDe waarde was **94,1 %**."));
        page.WaitForAssertion(() => Assert.Contains("94,1 %", page.Find("[data-testid=letter-live-preview] h2 + p").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal("Nieuwe kop", page.Find("[data-testid=letter-live-preview] .letter-body h2").TextContent);
        await page.InvokeAsync(() => page.Find("[data-testid=letter-save]").Click());

        await Sender.Received(1).Send(Arg.Is<EditLetterCommand>(c => c.LetterId == Id && c.Version == 7 && c.Body!.Contains("94,1 %")), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_versions_tab_compares_the_last_two_versions()
    {
        var page = Render(LetterViews.InApproval(Id, new LetterActions(false, false, false, false, false, false)), "Griffie");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-tab")));
        await page.InvokeAsync(() => page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Versies").Click());
        page.WaitForAssertion(() => Assert.Contains("1 regel gewijzigd", page.Find("[data-testid=diff-summary]").TextContent));
        var changed = page.Find("td.diff-modified");
        Assert.StartsWith("was: In het 1e halfjaar 2021 was dit 93,8", changed.TextContent, StringComparison.Ordinal);
        Assert.Equal("93,8", changed.QuerySelector("del.diff-word")!.TextContent);
    }
}
