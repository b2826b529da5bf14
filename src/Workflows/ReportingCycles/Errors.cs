using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

/// <summary>A step the cycle's flow does not allow from where it stands; the state, step and conditions in Dutch.</summary>
public sealed record CycleTransitionRefused(string From, string Step, IReadOnlyList<string> UnmetConditions)
    : Error("cycle_transition_refused", Refusal.Say(Step, $"de rapportage staat op '{From}'", UnmetConditions));

/// <summary>A step the task's flow does not allow from where it stands; the state, step and conditions in Dutch.</summary>
public sealed record TaskTransitionRefused(string From, string Step, IReadOnlyList<string> UnmetConditions)
    : Error("task_transition_refused", Refusal.Say(Step, $"de waarde staat op '{From}'", UnmetConditions));

/// <summary>Values come in, change or go back only while the cycle collects them; the message says where it stands.</summary>
public sealed record CycleNotCollecting(string Detail) : Error("cycle_not_collecting", Detail);

/// <summary>A value goes back only until the letter is offered for approval.</summary>
public sealed record CyclePastValues(ReportingCycleStatus Status)
    : Error("cycle_past_values", $"Deze rapportage staat op '{ReportingCycleWorkflow.Dutch(Status)}': waarden gaan alleen terug zolang de brief niet ter goedkeuring ligt.");

public sealed record TaskNotHandedIn()
    : Error("task_not_handed_in", "Alleen een ingediende of als niet beschikbaar gemelde waarde gaat terug.");

/// <summary>A batch's idempotency key names one batch: the same key with other values is refused.</summary>
public sealed record IdempotencyKeyReused()
    : Error("idempotency_key_reused", "Deze idempotentiesleutel is al gebruikt voor een andere zending. Gebruik een nieuwe sleutel.");
