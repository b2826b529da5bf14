using Bunit;
using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Import;
using Governance.Web.Features.Tasks;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Microsoft.AspNetCore.Components.Forms;
using NSubstitute;

namespace Governance.Web.Tests.Features.Import;

public class ImportPageTests : ComponentTestContext
{
    private static readonly Guid Cycle = Guid.NewGuid();

    private IRenderedComponent<ImportPage> Render()
    {
        Sender.Send(Arg.Any<ListMyTasksQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<PagedResult<MyTask>>>(new PagedResult<MyTask>(
        [
            new MyTask(Guid.NewGuid(), Cycle, "Jongeren met jeugdhulp", "JH-JONGEREN", "T-2024-031", "Periodiek inzicht", ReportingPeriod.HalfYear(2026, 1),
                new DateOnly(2026, 8, 20), IndicatorTaskStatus.Open, null, null, Overdue: true, CanEnter: true, ReportingCycleStatus.Collecting, 2),
        ], 1, 1, 100)));
        SignIn("Sanne Peeters", ["Medewerker"], [Web.Hosting.Policies.EnterValues]);
        Context.Render<MudBlazor.MudSnackbarProvider>();
        var page = Context.Render<ImportPage>();
        page.WaitForAssertion(() => Assert.Equal($"/api/cycles/{Cycle}/import-template", page.Find("[data-testid=template]").GetAttribute("href")));
        return page;
    }

    private static ImportOutcome Outcome(bool stored, string? error = null) => new(
        [new ImportLine(2, "JH-JONGEREN", "3.120", error is null ? new CycleValueInput("JH-JONGEREN", 3120) : null, error)], null, stored, stored ? 1 : 0);

    [Fact]
    public void A_chosen_file_is_previewed_line_by_line_and_stored_only_when_asked()
    {
        var sent = new List<ImportValuesCommand>();
        Sender.Send(Arg.Do<ImportValuesCommand>(sent.Add), Arg.Any<CancellationToken>()).Returns(
            new ValueTask<Result<ImportOutcome>>(Outcome(stored: false)), new ValueTask<Result<ImportOutcome>>(Outcome(stored: true)));
        var page = Render();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("code;indicator;waarde\nJH-JONGEREN;;3.120\n", "waarden.csv"));
        page.WaitForAssertion(() => Assert.Contains("De regel klopt.", page.Find("[data-testid=import-preview]").TextContent));
        Assert.True(Assert.Single(sent).DryRun);
        Assert.Equal((Cycle, "waarden.csv"), (sent[0].CycleId, sent[0].FileName));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "1 waarde opslaan").Click();
        page.WaitForAssertion(() => Assert.Contains("1 waarde opgeslagen.", page.Find("[data-testid=import-done]").TextContent));
        Assert.False(sent[1].DryRun);
    }

    [Fact]
    public void A_file_with_a_wrong_line_shows_it_and_offers_no_import()
    {
        Sender.Send(Arg.Any<ImportValuesCommand>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<ImportOutcome>>(Outcome(stored: false, "'12.5' is geen getal in Nederlandse notatie")));
        var page = Render();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("code;indicator;waarde\nJH-JONGEREN;;12.5\n", "waarden.csv"));
        page.WaitForAssertion(() => Assert.Contains("1 regel klopt niet", page.Find("[data-testid=import-preview]").TextContent));
        Assert.Contains("geen getal in Nederlandse notatie", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("opslaan", StringComparison.Ordinal));
    }
}
