using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;
using Stateless;
using Stateless.Graph;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// One indicator's value for one cycle, as staff supply it:
/// Open → DraftSaved (a value saved, not yet final) → Submitted; or NotAvailable (no figure, with the
/// reason: comply or explain). A submitted or unavailable value can be Returned by the team lead or
/// the drafter, with a comment, and is then saved and submitted again; or replaced by handing in another value or
/// reason, which keeps it handed in. Reassigning within the team
/// and delegating to a substitute change who works on it, not where it stands.
/// </summary>
public sealed class IndicatorTaskWorkflow
{
    public enum Trigger
    {
        SaveDraft,
        Submit,
        MarkNotAvailable,
        Return,
    }

    private readonly IndicatorTask _task;
    private readonly StateMachine<IndicatorTaskStatus, Trigger> _machine;
    private string? _reason;

    public IndicatorTaskWorkflow(IndicatorTask task)
    {
        _task = task;
        _machine = new StateMachine<IndicatorTaskStatus, Trigger>(() => task.Status, status => task.EnterStatus(status, _reason));
        Configure(_machine, HasValue, HasNotAvailableReason, HasReason);
    }

    public IndicatorTaskStatus Status => _task.Status;

    public bool CanFire(Trigger trigger, string? reason = null)
    {
        _reason = reason;
        return _machine.CanFire(trigger);
    }

    public Result Fire(Trigger trigger, string? reason = null)
    {
        if (!CanFire(trigger, reason))
        {
            return new TaskTransitionRefused(Dutch(_task.Status), Dutch(trigger), WorkflowGraph.UnmetGuards(_machine.GetInfo(), _task.Status, trigger));
        }

        _machine.Fire(trigger);
        return Result.Success();
    }

    /// <summary>The state in Dutch, as messages written here name it.</summary>
    public static string Dutch(IndicatorTaskStatus status) => status switch
    {
        IndicatorTaskStatus.Open => "open",
        IndicatorTaskStatus.DraftSaved => "concept",
        IndicatorTaskStatus.Submitted => "ingediend",
        IndicatorTaskStatus.NotAvailable => "niet beschikbaar",
        _ => "teruggestuurd",
    };

    /// <summary>The step in Dutch, as the buttons name it.</summary>
    public static string Dutch(Trigger trigger) => trigger switch
    {
        Trigger.SaveDraft => "concept opslaan",
        Trigger.Submit => "indienen",
        Trigger.MarkNotAvailable => "niet beschikbaar melden",
        _ => "terugsturen",
    };

    public static string DotGraph(IndicatorTaskStatus? current = null)
    {
        var machine = new StateMachine<IndicatorTaskStatus, Trigger>(current ?? IndicatorTaskStatus.Open);
        Configure(machine, static () => true, static () => true, static () => true);
        return WorkflowGraph.Highlight(UmlDotGraph.Format(machine.GetInfo()), current?.ToString());
    }

    private bool HasValue() => _task.CurrentValue is { Value.IsNotAvailable: false };

    private bool HasNotAvailableReason() => _task.CurrentValue is { Value.IsNotAvailable: true };

    private bool HasReason() => !string.IsNullOrWhiteSpace(_reason);

    private static void Configure(StateMachine<IndicatorTaskStatus, Trigger> machine, Func<bool> hasValue, Func<bool> hasNotAvailableReason, Func<bool> hasReason)
    {
        const string Value = "er is een waarde vastgelegd";
        const string Unavailable = "'niet beschikbaar' is vastgelegd met de reden";
        const string Comment = "met een toelichting";
        foreach (var editable in new[] { IndicatorTaskStatus.Open, IndicatorTaskStatus.DraftSaved, IndicatorTaskStatus.Returned })
        {
            var state = machine.Configure(editable)
                .PermitIf(Trigger.Submit, IndicatorTaskStatus.Submitted, hasValue, Value)
                .PermitIf(Trigger.MarkNotAvailable, IndicatorTaskStatus.NotAvailable, hasNotAvailableReason, Unavailable);
            if (editable == IndicatorTaskStatus.DraftSaved)
            {
                state.PermitReentryIf(Trigger.SaveDraft, hasValue, Value);
            }
            else
            {
                state.PermitIf(Trigger.SaveDraft, IndicatorTaskStatus.DraftSaved, hasValue, Value);
            }
        }

        // A handed-in value is replaced by handing in another: the task stays in (no return, nobody to tell).
        machine.Configure(IndicatorTaskStatus.Submitted)
            .PermitReentryIf(Trigger.Submit, hasValue, Value)
            .PermitIf(Trigger.MarkNotAvailable, IndicatorTaskStatus.NotAvailable, hasNotAvailableReason, Unavailable)
            .PermitIf(Trigger.Return, IndicatorTaskStatus.Returned, hasReason, Comment);
        machine.Configure(IndicatorTaskStatus.NotAvailable)
            .PermitIf(Trigger.Submit, IndicatorTaskStatus.Submitted, hasValue, Value)
            .PermitReentryIf(Trigger.MarkNotAvailable, hasNotAvailableReason, Unavailable)
            .PermitIf(Trigger.Return, IndicatorTaskStatus.Returned, hasReason, Comment);
    }

    /// <summary>The flow as data, for the diagram and its table on the administration and cycle pages.</summary>
    public static WorkflowDiagram Diagram()
    {
        var machine = new StateMachine<IndicatorTaskStatus, Trigger>(IndicatorTaskStatus.Open);
        Configure(machine, static () => true, static () => true, static () => true);
        return WorkflowGraph.Diagram("IndicatorTaskWorkflow", machine.GetInfo(), IndicatorTaskStatus.Open.ToString());
    }
}
