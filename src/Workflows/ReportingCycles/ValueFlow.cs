using System.Globalization;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

/// <summary>Why a value is refused, in the words every way in uses, and where the refusal belongs.</summary>
internal sealed record ValueRefusal(string Field, string Message)
{
    public const string Team = "team";
    public const string Cycle = "cycle";
    public const string Value = "value";
    public const string Explanation = "explanation";
}

/// <summary>An earlier figure of an indicator a new value is compared with, and the period it was for.</summary>
public sealed record EarlierFigure(ReportingPeriod Period, decimal Figure);

/// <summary>What recording values does to the flows: the one rule set of the form, the API, the data warehouse and an import.</summary>
internal static class ValueFlow
{
    /// <summary>The value as given: "not available" with its reason, a number, a text, or numbers per category.</summary>
    public static IndicatorValue ValueOf(decimal? number, string? text, IReadOnlyList<CategoryValue>? breakdown, string? notAvailableReason) =>
        notAvailableReason is { } reason ? IndicatorValue.NotAvailable(reason.Trim())
        : number is { } n ? IndicatorValue.OfNumber(n)
        : text is { } t ? IndicatorValue.OfText(t)
        : IndicatorValue.OfBreakdown(breakdown!);

    /// <summary>The one-of rule every way in states the same way.</summary>
    public const string ExactlyOneValue = "Geef precies één van: een getal, een tekst, waarden per categorie, of 'niet beschikbaar' met de reden.";

    /// <summary>Whether exactly one of the four forms of a value is given.</summary>
    public static bool HasExactlyOne(decimal? number, string? text, IReadOnlyList<CategoryValue>? breakdown, string? notAvailableReason) =>
        new object?[] { number, text, breakdown, notAvailableReason }.Count(v => v is not null) == 1;

    /// <summary>
    /// The checks every way in (the entry form, the single-value API, the data-warehouse batch, the import) applies to one
    /// value for one task, in the same order and the same words: the team that supplies it, a report still collecting,
    /// no draft over a handed-in value, a value that fits the definition, and a large change explained. Null when it
    /// passes. A handed-in value may be replaced while the report collects: see <see cref="Apply"/>.
    /// </summary>
    public static ValueRefusal? Refusal(ReportingCycle cycle, IndicatorTask task, Guid? actingTeam, ValueIntent intent, IndicatorDefinition definition,
        IndicatorValue value, string? explanation, ValueRules rules, IReadOnlyList<PeriodValue> history)
    {
        if (actingTeam != task.TeamId.Value)
        {
            return new ValueRefusal(ValueRefusal.Team, "Deze waarde wordt door een ander team aangeleverd.");
        }

        if (NotCollecting(cycle) is { } notCollecting)
        {
            return new ValueRefusal(ValueRefusal.Cycle, notCollecting);
        }

        if (task.Status.IsDone() && intent == ValueIntent.SaveDraft)
        {
            return new ValueRefusal(ValueRefusal.Value, "Deze waarde is al ingediend; een concept kan er niet overheen.");
        }

        var fits = value.FitsDefinition(definition);
        if (!fits.Succeeded)
        {
            return new ValueRefusal(ValueRefusal.Value, fits.Error.Message);
        }

        return UnexplainedChange(rules, definition, value, explanation, intent, history.LatestFigureBefore(cycle.Period, definition)) is { } unexplained
            ? new ValueRefusal(ValueRefusal.Explanation, unexplained)
            : null;
    }

    /// <summary>Why no value is recorded in a report that no longer collects; null while it does.</summary>
    public static string? NotCollecting(ReportingCycle cycle) => cycle.Status is ReportingCycleStatus.Open or ReportingCycleStatus.Collecting
        ? null
        : $"Deze rapportage staat op '{ReportingCycleWorkflow.Dutch(cycle.Status)}': waarden worden vastgelegd zolang zij open is of cijfers verzamelt.";

    /// <summary>
    /// Records a value that passed <see cref="Refusal"/> and moves its task. A handed-in value is replaced: the task stays
    /// handed in, both values kept in its history; it is not returned, so nobody is told it was sent back.
    /// </summary>
    public static void Apply(IndicatorTask task, IndicatorDefinition definition, IndicatorValue value, string? explanation, string? source, ValueIntent intent,
        string recordedBy, DateTime nowUtc)
    {
        Must(task.Record(definition, value, explanation, source, recordedBy, nowUtc));
        Must(new IndicatorTaskWorkflow(task).Fire(TriggerFor(value, intent)));
    }

    /// <summary>The data-quality signal against the latest earlier figure of the indicator, already read.</summary>
    public static string? UnexplainedChange(ValueRules rules, IndicatorDefinition definition, IndicatorValue value, string? explanation, ValueIntent intent, EarlierFigure? earlier) =>
        IsCompared(definition, value, explanation, intent) && earlier is { } e && rules.NeedsExplanation(definition.Kind, e.Figure, value.FigureFor(definition)!.Value)
            ? ExplainChange(e)
            : null;

    /// <summary>Only a figure handed in without an explanation is compared with the latest earlier one.</summary>
    private static bool IsCompared(IndicatorDefinition definition, IndicatorValue value, string? explanation, ValueIntent intent) =>
        intent == ValueIntent.Submit && value.FigureFor(definition) is not null && string.IsNullOrWhiteSpace(explanation);

    /// <summary>What to say when a value needs an explanation first, naming the figure it was compared with.</summary>
    private static string ExplainChange(EarlierFigure earlier) =>
        $"De waarde wijkt veel af van de laatste eerdere waarde: {earlier.Figure.ToString("#,##0.##", Dutch)} over {earlier.Period.Display(Dutch)}. Licht de verandering kort toe.";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static void Must(Domain.Common.Result result)
    {
        if (!result.Succeeded)
        {
            throw new Domain.Common.DomainRuleException($"A checked value could not be applied: {result.Error.Message}");
        }
    }

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
