using System.Globalization;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

/// <summary>What recording values does to the flows, the same from the form, the API and an import.</summary>
internal static class ValueFlow
{
    /// <summary>The value as given: "not available" with its reason, a number, a text, or numbers per category.</summary>
    public static IndicatorValue ValueOf(decimal? number, string? text, IReadOnlyList<CategoryValue>? breakdown, string? notAvailableReason) =>
        notAvailableReason is { } reason ? IndicatorValue.NotAvailable(reason.Trim())
        : number is { } n ? IndicatorValue.OfNumber(n)
        : text is { } t ? IndicatorValue.OfText(t)
        : IndicatorValue.OfBreakdown(breakdown!);

    /// <summary>
    /// The data-quality signal: a value handed in without explanation that differs much from the previous
    /// period's needs one first. The message to show, or null when none is needed.
    /// </summary>
    public static async Task<string?> UnexplainedChangeAsync(GovernanceDbContext db, ValueRules rules, ReportingCycle cycle, IndicatorDefinition definition,
        IndicatorValue value, string? explanation, ValueIntent intent, CancellationToken cancellationToken)
    {
        if (!IsCompared(definition, value, explanation, intent))
        {
            return null;
        }

        var previous = (await IndicatorHistory.LoadAsync(db, definition.IndicatorId, cancellationToken)).For(cycle.Period.Previous())?.Value.FigureFor(definition);
        return UnexplainedChange(rules, definition, value, explanation, intent, previous);
    }

    /// <summary>The data-quality signal against the previous period's total, already read.</summary>
    public static string? UnexplainedChange(ValueRules rules, IndicatorDefinition definition, IndicatorValue value, string? explanation, ValueIntent intent, decimal? previous) =>
        IsCompared(definition, value, explanation, intent) && rules.NeedsExplanation(definition.Kind, previous, value.FigureFor(definition)!.Value) ? ExplainChange(previous!.Value) : null;

    /// <summary>Only a figure handed in without an explanation is compared with the previous period.</summary>
    private static bool IsCompared(IndicatorDefinition definition, IndicatorValue value, string? explanation, ValueIntent intent) =>
        intent == ValueIntent.Submit && value.FigureFor(definition) is not null && string.IsNullOrWhiteSpace(explanation);

    /// <summary>What to say when a value needs an explanation first.</summary>
    private static string ExplainChange(decimal previous) =>
        $"De waarde wijkt veel af van de vorige periode ({previous.ToString("#,##0.##", CultureInfo.GetCultureInfo("nl-NL"))}). Licht de verandering kort toe.";

    /// <summary>The task's move for a recorded value: not available, handed in, or kept as a draft.</summary>
    public static IndicatorTaskWorkflow.Trigger TriggerFor(IndicatorValue value, ValueIntent intent) =>
        value.IsNotAvailable ? IndicatorTaskWorkflow.Trigger.MarkNotAvailable
        : intent == ValueIntent.Submit ? IndicatorTaskWorkflow.Trigger.Submit
        : IndicatorTaskWorkflow.Trigger.SaveDraft;

    /// <summary>After values came in: the report starts collecting, and is complete once every value is submitted or explained.</summary>
    public static void Advance(ReportingCycle cycle, DateTime nowUtc, string actor)
    {
        var flow = new ReportingCycleWorkflow(cycle, nowUtc, actor);
        if (cycle.Status == ReportingCycleStatus.Open)
        {
            flow.Fire(ReportingCycleWorkflow.Trigger.StartCollecting);
        }

        if (flow.CanFire(ReportingCycleWorkflow.Trigger.Complete))
        {
            flow.Fire(ReportingCycleWorkflow.Trigger.Complete);
        }
    }
}
