using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

/// <summary>What recording values does to the flows, the same from the form, the API and an import.</summary>
internal static class ValueFlow
{
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
