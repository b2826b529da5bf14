using System.Globalization;
using Governance.Web.Resources;
using Governance.Web.Tests.Support;
using Governance.Workflows;
using Governance.Workflows.Letters;
using Governance.Workflows.Obligations;
using Governance.Workflows.ReportingCycles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Governance.Web.Tests.Features.Administration;

/// <summary>
/// The flows as people read them: every step and condition of every diagram has its Dutch and English words, and a
/// refusal names the step and its conditions in the same Dutch the diagrams show.
/// </summary>
public sealed class WorkflowWordsTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    public static TheoryData<string> Cultures => ["nl-NL", "en-GB"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_step_and_condition_of_every_flow_has_its_words(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        WorkflowDiagram[] diagrams = [ReportingCycleWorkflow.Diagram(), IndicatorTaskWorkflow.Diagram(), ObligationWorkflow.Diagram(), CouncilLetterWorkflow.Diagram()];

        var missing = diagrams.SelectMany(d => d.Edges.Select(e => $"Trigger.{d.Name}.{e.Trigger}")
                .Concat(d.Edges.SelectMany(e => e.Guards).Select(g => $"Guard.{g}")))
            .Distinct()
            .Where(key => l[key].ResourceNotFound)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void A_guard_reads_in_dutch_as_the_refusal_says_it_and_in_english_on_an_english_screen()
    {
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var guard = ReportingCycleWorkflow.Diagram().Edges.Single(e => e is { From: "Approved", Trigger: "Send" }).Guards.Single();

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        Assert.Equal(guard, l[$"Guard.{guard}"].Value);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        Assert.Equal("every required approval is in", l[$"Guard.{guard}"].Value);
    }
}
