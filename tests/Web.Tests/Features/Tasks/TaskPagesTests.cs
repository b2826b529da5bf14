using Bunit;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Tasks;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Governance.Web.Tests.Features.Tasks;

public class TaskPagesTests : ComponentTestContext
{
    private static readonly Guid TaskId = Guid.NewGuid();
    private static readonly Guid CycleId = Guid.NewGuid();

    private static TaskEntry Entry(EnteredValue? current = null, int version = 3, IReadOnlyList<AttachmentInfo>? attachments = null) => new(
        TaskId, CycleId, version, ReportingCycleStatus.Collecting, Guid.NewGuid(), "T-2024-031", "Periodiek inzicht in de dashboards sociaal domein",
        ReportingPeriod.HalfYear(2026, 1), new DateOnly(2026, 8, 20), Overdue: true, IndicatorTaskStatus.Open, null, null, CanEnter: true,
        new IndicatorFacts(Guid.NewGuid(), "WMO-CLIENTEN", "Inwoners met Wmo-ondersteuning", "Aantal inwoners met ondersteuning in het kader van de Wmo.",
            IndicatorKind.Count, "inwoners", 0, "Monitor Sociaal Domein", GoodDirection.Neutral, new Baseline(9_700, new DateOnly(2020, 1, 1)), null, [], BreakdownNature.Separate, Version: 2),
        current,
        new PeriodValue(ReportingPeriod.HalfYear(2025, 2), IndicatorValue.OfNumber(2_000), null, "Monitor", new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc), 1),
        null,
        [new PeriodValue(ReportingPeriod.HalfYear(2025, 1), IndicatorValue.OfNumber(1_950), null, "Monitor", new DateTime(2025, 8, 1, 9, 0, 0, DateTimeKind.Utc), 1),
         new PeriodValue(ReportingPeriod.HalfYear(2025, 2), IndicatorValue.OfNumber(2_000), null, "Monitor", new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc), 1)],
        ValueRules.Default,
        attachments ?? []);

    private void Returns(params TaskEntry[] entries)
    {
        var results = entries.Select(e => new ValueTask<Result<TaskEntry>>(e)).ToArray();
        Sender.Send(Arg.Any<GetTaskEntryQuery>(), Arg.Any<CancellationToken>()).Returns(results[0], results[1..]);
    }

    private IRenderedComponent<TaskEntryPage> RenderEntry()
    {
        SignIn("Sanne Peeters", ["Medewerker"], [Web.Hosting.Policies.EnterValues]);
        Context.Render<MudBlazor.MudSnackbarProvider>();
        var page = Context.Render<TaskEntryPage>(p => p.Add(x => x.TaskId, TaskId));
        page.WaitForAssertion(() => Assert.Equal("Inwoners met Wmo-ondersteuning", page.Find("h1").TextContent));
        return page;
    }

    private static void Type(IRenderedComponent<TaskEntryPage> page, string testId, string text) =>
        page.Find($"input[data-testid={testId}]").Input(text);

    private static void Click(IRenderedComponent<TaskEntryPage> page, string label) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == label).Click();

    [Fact]
    public void The_entry_form_shows_the_definition_and_comparisons_in_Dutch_notation_with_a_chart_and_its_table()
    {
        Returns(Entry());
        var page = RenderEntry();
        var markup = page.Markup;
        Assert.Contains("Aantal inwoners met ondersteuning in het kader van de Wmo.", markup);
        Assert.Contains("2.000\u00a0inwoners", page.Find("[data-testid=comparisons]").TextContent);
        Assert.Contains("2.000\u00a0inwoners (versie 1)", page.Find("[data-testid=comparisons]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=definition-version]").TextContent);
        Assert.Contains("9.700\u00a0inwoners (1 januari 2020)", markup);
        Assert.Contains("20 augustus 2026", markup);
        Assert.Contains("te laat", markup);
        var chart = page.Find("[data-testid=trend-chart]");
        Assert.Equal("img", chart.QuerySelector("svg")!.GetAttribute("role"));
        Assert.Contains("1e halfjaar 2025", chart.QuerySelector("table")!.TextContent);
        Assert.Contains("1.950\u00a0inwoners", chart.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public void A_number_that_could_mean_two_things_is_refused_in_Dutch_and_nothing_is_sent()
    {
        Returns(Entry());
        var page = RenderEntry();
        Type(page, "number", "12.5");
        Click(page, "Indienen");
        page.WaitForAssertion(() => Assert.Contains("gebruik een komma voor decimalen", page.Markup));
        _ = Sender.DidNotReceive().Send(Arg.Any<RecordIndicatorValueCommand>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void A_value_in_Dutch_notation_is_sent_with_the_version_read_and_a_large_change_asks_for_an_explanation()
    {
        Returns(Entry(), Entry(new EnteredValue(IndicatorValue.OfNumber(2_834), "Nieuwe toegang", "Monitor", "Sanne Peeters", DateTime.UtcNow), version: 4));
        RecordIndicatorValueCommand? sent = null;
        Sender.Send(Arg.Do<RecordIndicatorValueCommand>(c => sent = c), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<RecordedValueReceipt>>(new RecordedValueReceipt(IndicatorTaskStatus.Submitted, ReportingCycleStatus.Collecting, 4)));
        var page = RenderEntry();
        Type(page, "number", "2.834");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=explain-hint]")));
        Click(page, "Indienen");
        page.WaitForAssertion(() => Assert.NotNull(sent));
        Assert.Equal((2_834m, 3, ValueIntent.Submit, CycleId, TaskId), (sent!.Number, sent.Version!.Value, sent.Intent, sent.CycleId, sent.TaskId));
        page.WaitForAssertion(() => Assert.Contains("2.834\u00a0inwoners", page.Find("[data-testid=current-value]").TextContent));
    }

    [Fact]
    public void The_servers_field_message_is_shown_beside_the_field()
    {
        Returns(Entry());
        Sender.Send(Arg.Any<RecordIndicatorValueCommand>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<RecordedValueReceipt>>(new Invalid(new Dictionary<string, string[]> { ["explanation"] = ["Licht de verandering kort toe."] })));
        var page = RenderEntry();
        Type(page, "number", "2.834");
        Click(page, "Indienen");
        page.WaitForAssertion(() => Assert.Contains("Licht de verandering kort toe.", page.Markup));
    }

    [Fact]
    public void When_someone_else_saved_this_value_meanwhile_both_are_shown_and_mine_is_saved_only_when_chosen()
    {
        var theirs = new EnteredValue(IndicatorValue.OfNumber(2_790), null, "Monitor", "Piet Smeets", new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));
        Returns(Entry(), Entry(theirs, version: 5));
        var sent = new List<RecordIndicatorValueCommand>();
        Sender.Send(Arg.Do<RecordIndicatorValueCommand>(sent.Add), Arg.Any<CancellationToken>()).Returns(
            new ValueTask<Result<RecordedValueReceipt>>(new Conflict("Deze rapportage is intussen gewijzigd.")),
            new ValueTask<Result<RecordedValueReceipt>>(new RecordedValueReceipt(IndicatorTaskStatus.Submitted, ReportingCycleStatus.Collecting, 6)));
        var page = RenderEntry();
        Type(page, "number", "2.834");
        Click(page, "Concept opslaan");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=conflict]")));
        var conflict = page.Find("[data-testid=conflict]").TextContent;
        Assert.Contains("2.790\u00a0inwoners", conflict);
        Assert.Contains("Piet Smeets", conflict);
        Assert.Contains("2.834\u00a0inwoners", conflict);
        Assert.Single(sent);

        Click(page, "Mijn waarde opslaan");
        page.WaitForAssertion(() => Assert.Equal(2, sent.Count));
        Assert.Equal((2_834m, 5), (sent[1].Number, sent[1].Version!.Value));
    }

    [Fact]
    public void When_only_another_value_of_the_report_changed_meanwhile_this_one_is_saved_on_the_new_version_without_asking()
    {
        Returns(Entry(), Entry(version: 5), Entry(version: 6));
        var sent = new List<RecordIndicatorValueCommand>();
        Sender.Send(Arg.Do<RecordIndicatorValueCommand>(sent.Add), Arg.Any<CancellationToken>()).Returns(
            new ValueTask<Result<RecordedValueReceipt>>(new Conflict("Deze rapportage is intussen gewijzigd.")),
            new ValueTask<Result<RecordedValueReceipt>>(new RecordedValueReceipt(IndicatorTaskStatus.DraftSaved, ReportingCycleStatus.Collecting, 6)));
        var page = RenderEntry();
        Type(page, "number", "2.834");
        Click(page, "Concept opslaan");
        page.WaitForAssertion(() => Assert.Equal(2, sent.Count));
        Assert.Equal([3, 5], sent.Select(c => c.Version!.Value));
        Assert.Empty(page.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public void Not_available_needs_a_reason_before_anything_is_sent()
    {
        Returns(Entry());
        var page = RenderEntry();
        page.Find("input[type=checkbox]").Change(true);
        Click(page, "Indienen als niet beschikbaar");
        page.WaitForAssertion(() => Assert.Contains("Geef de reden waarom de waarde niet beschikbaar is.", page.Markup));
        _ = Sender.DidNotReceive().Send(Arg.Any<RecordIndicatorValueCommand>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void My_tasks_lists_the_team_tasks_with_their_state_and_overdue_mark_and_switches_to_all()
    {
        var queries = new List<ListMyTasksQuery>();
        Sender.Send(Arg.Do<ListMyTasksQuery>(queries.Add), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<PagedResult<MyTask>>>(new PagedResult<MyTask>(
        [
            new MyTask(TaskId, CycleId, "Inwoners met Wmo-ondersteuning", "WMO-CLIENTEN", "T-2024-031", "Periodiek inzicht", ReportingPeriod.HalfYear(2026, 1),
                new DateOnly(2026, 8, 20), IndicatorTaskStatus.DraftSaved, null, null, Overdue: true, CanEnter: true, ReportingCycleStatus.Collecting, 3),
        ], 1, 1, 25)));
        SignIn("Sanne Peeters", ["Medewerker"], [Web.Hosting.Policies.EnterValues]);
        // Rendered interactively, as in the browser: the list then keeps its state in the address.
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Context.Render<MyTasksPage>();
        page.WaitForAssertion(() => Assert.Contains("Inwoners met Wmo-ondersteuning", page.Markup));
        var row = page.Find("tbody tr").TextContent;
        Assert.Contains("20 augustus 2026", row);
        Assert.Contains("te laat", row);
        Assert.Contains("Concept opgeslagen", row);
        Assert.Contains("het hele team", row);
        Assert.Equal($"/tasks/{TaskId}", page.Find("tbody tr a").GetAttribute("href"));

        page.FindAll("input[type=radio]")[1].Click();
        page.WaitForAssertion(() => Assert.Equal(TaskScope.All, queries[^1].Scope));
        // Kept in the address, so Back from a task shows all of them again.
        page.WaitForAssertion(() => Assert.Contains("scope=All", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void The_form_lists_the_attachments_with_their_size_and_a_chosen_file_is_added()
    {
        var existing = new AttachmentInfo(Guid.NewGuid(), "bron-wmo.xlsx", ValueAttachment.Types[".xlsx"], 12_700, "Sanne Peeters", new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc));
        var added = new AttachmentInfo(Guid.NewGuid(), "toelichting.pdf", "application/pdf", 3, "Sanne Peeters", new DateTime(2026, 7, 2, 8, 0, 0, DateTimeKind.Utc));
        Returns(Entry(attachments: [existing]), Entry(attachments: [existing, added]));
        Sender.Send(Arg.Any<AddValueAttachmentCommand>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<AttachmentInfo>>(added));
        var page = RenderEntry();
        var listed = Assert.Single(page.FindAll("[data-testid=attachment]"));
        Assert.Contains("bron-wmo.xlsx", listed.TextContent);
        Assert.Contains("12,4 kB", listed.TextContent);
        Assert.Equal($"/api/tasks/{TaskId}/attachments/{existing.Id}", listed.QuerySelector("a")!.GetAttribute("href"));

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "toelichting.pdf"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=attachment]").Count));
        Sender.Received(1).Send(Arg.Is<AddValueAttachmentCommand>(c => c.TaskId == TaskId && c.FileName == "toelichting.pdf" && c.Content.SequenceEqual(new byte[] { 1, 2, 3 })), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void A_file_that_cannot_be_attached_is_named_with_the_reason_and_the_list_stays_as_it_was()
    {
        Returns(Entry());
        Sender.Send(Arg.Any<AddValueAttachmentCommand>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<AttachmentInfo>>(new Invalid(new Dictionary<string, string[]> { ["file"] = ["Dit soort bestand kan niet als bijlage worden toegevoegd."] })));
        var page = RenderEntry();
        Assert.Contains("Nog geen bijlagen.", page.Find("[data-testid=attachments]").TextContent);

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("MZ", "programma.exe"));

        page.WaitForAssertion(() => Assert.Contains("Dit soort bestand kan niet als bijlage worden toegevoegd.", page.Find("[data-testid=attachment-error]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=attachment]"));
    }
}
