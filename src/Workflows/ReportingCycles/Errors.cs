using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

public sealed record CycleTransitionRefused(ReportingCycleStatus From, string Trigger, IReadOnlyList<string> UnmetConditions)
    : Error("cycle_transition_refused", UnmetConditions.Count > 0
        ? $"'{Trigger}' is not allowed from {From}: needs {string.Join(", ", UnmetConditions)}."
        : $"'{Trigger}' is not allowed from {From}.");

public sealed record TaskTransitionRefused(IndicatorTaskStatus From, string Trigger, IReadOnlyList<string> UnmetConditions)
    : Error("task_transition_refused", UnmetConditions.Count > 0
        ? $"'{Trigger}' is not allowed from {From}: needs {string.Join(", ", UnmetConditions)}."
        : $"'{Trigger}' is not allowed from {From}.");
