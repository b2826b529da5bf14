using Bunit;
using Governance.Domain.Common;
using Governance.Web.Features.Letters;
using Governance.Web.Tests.Support;
using Governance.Workflows.Letters;
using NSubstitute;

namespace Governance.Web.Tests.Features.Letters;

public class ApprovalsPageTests : ComponentTestContext
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static LetterForApproval Letter(Guid id, string subject, int version, bool hoenderkampApproved) => new(
        id, subject, "M-2014-083", "Vinger aan de pols", "3e kwartaal 2026", version, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc),
        new DateOnly(2026, 12, 4), false, [new CoSigner("Jeroen Hoenderkamp", hoenderkampApproved), new CoSigner("Johan Pas", false)], false, null);

    private IRenderedComponent<ApprovalsPage> Render(LettersForApproval list)
    {
        SignIn("Johan Pas", ["Wethouder"]);
        RenderPopovers();
        Sender.Send(Arg.Any<ListLettersForApprovalQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<LettersForApproval>(list));
        return Context.Render<ApprovalsPage>();
    }

    [Fact]
    public void The_letters_waiting_for_me_show_their_co_signers_and_where_they_stand()
    {
        var page = Render(new LettersForApproval([Letter(First, "Vinger aan de pols, 3e kwartaal 2026", 2, true)], []));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=approvals-waiting] tbody tr")));
        Assert.Contains("Jeroen Hoenderkamp (akkoord), Johan Pas (wacht)", page.Markup);
        Assert.Contains("4 december 2026", page.Markup);
        Assert.Contains("Versie 2", page.Markup);
        Assert.True(page.Find("[data-testid=approve-selected]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Approving_several_at_once_sends_each_letter_with_the_version_read()
    {
        var page = Render(new LettersForApproval([Letter(First, "Eerste brief", 2, true), Letter(Second, "Tweede brief", 5, false)], []));
        IReadOnlyList<LetterApprovalOutcome> outcomes = [new LetterApprovalOutcome(First, true, "2026.00002", null), new LetterApprovalOutcome(Second, true, null, null)];
        Sender.Send(Arg.Any<ApproveLettersCommand>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<IReadOnlyList<LetterApprovalOutcome>>>(Result<IReadOnlyList<LetterApprovalOutcome>>.Success(outcomes)));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=approvals-waiting] tbody tr").Count));

        await page.InvokeAsync(() =>
        {
            foreach (var box in page.FindAll("[data-testid=approvals-waiting] input[type=checkbox]"))
            {
                box.Change(true);
            }
        });
        page.WaitForAssertion(() => Assert.Contains("Geselecteerde goedkeuren (2)", page.Find("[data-testid=approve-selected]").TextContent));
        await page.InvokeAsync(() => page.Find("[data-testid=approve-selected]").Click());

        await Sender.Received(1).Send(Arg.Is<ApproveLettersCommand>(c => c.Letters.Count == 2
            && c.Letters.Any(l => l.LetterId == First && l.Version == 2) && c.Letters.Any(l => l.LetterId == Second && l.Version == 5)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void Without_letters_the_workspace_says_so()
    {
        var page = Render(new LettersForApproval([], []));
        page.WaitForAssertion(() => Assert.Equal("Er wachten geen brieven op uw goedkeuring.", page.Find("[data-testid=approvals-empty]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=approve-selected]"));
    }

    [Fact]
    public async Task Reviewing_a_letter_shows_its_preview_figures_and_differences_to_the_previous_letter()
    {
        var page = Render(new LettersForApproval([Letter(First, "Vinger aan de pols, 3e kwartaal 2026", 2, true)], []));
        var view = LetterViews.InApproval(First, new LetterActions(false, false, true, true, false, false),
            new PreviousLetter(Guid.NewGuid(), "2026.00001", "2e kwartaal 2026", "Met deze brief informeren wij u.\n\nDe waarde was **92,9 %**.\n"));
        Sender.Send(Arg.Any<GetLetterQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<LetterView>>(view));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=approvals-waiting] tbody tr")));

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Bekijken").Click());

        page.WaitForAssertion(() => Assert.Contains("Onze referentie", page.Find("[data-testid=approval-review]").TextContent));
        Assert.Contains("93,9 %", page.Find("[data-testid=approval-review]").TextContent);
        await page.InvokeAsync(() => page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Verschil met vorige brief").Click());
        page.WaitForAssertion(() => Assert.Contains("Vorige brief 2026.00001 (2e kwartaal 2026)", page.Markup));
        Assert.NotEmpty(page.FindAll("td.diff-inserted, td.diff-modified"));
        // The letters are compared as the council reads them: no Markdown marks, the changed figure marked within its line.
        var diff = page.Find(".text-diff").TextContent;
        Assert.DoesNotContain("**", diff);
        Assert.DoesNotContain("##", diff);
        Assert.Contains("92,9", page.FindAll("td.diff-modified del.diff-word").Select(w => w.TextContent).Single(t => t.Contains("92,9", StringComparison.Ordinal)));
    }
}
