using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;
using Stateless;
using Stateless.Graph;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// One period's report for one obligation, as the griffie follows it:
/// <list type="bullet">
/// <item>Scheduled → Open: the period is due; a task per required indicator goes to its team.</item>
/// <item>Open → Collecting: the first value comes in.</item>
/// <item>→ Complete: every required value is submitted, or explicitly not available with a reason (comply or explain).</item>
/// <item>Complete → Drafting → InApproval: the letter is composed, edited and offered to the aldermen.</item>
/// <item>InApproval → SentBack (an alderman refused, with comments) → Drafting again; or → Approved when every required approval is in.</item>
/// <item>Approved → Sent (the griffie records the sending) → Closed.</item>
/// <item>Any state before Sent → Cancelled when the obligation lapses, with the reason.</item>
/// </list>
/// A returned value takes a complete or drafting cycle back to Collecting. Every transition is journaled on the cycle.
/// </summary>
public sealed class ReportingCycleWorkflow
{
    public enum Trigger
    {
        Open,
        StartCollecting,
        Complete,
        ReturnValue,
        StartDrafting,
        SubmitForApproval,
        SendBack,
        Approve,
        Send,
        Close,
        Cancel,
    }

    private readonly ReportingCycle _cycle;
    private readonly StateMachine<ReportingCycleStatus, Trigger> _machine;
    private readonly Func<bool> _allApprovalsIn;
    private Trigger _firing;
    private string? _reason;

    // allApprovalsIn: whether every responsible alderman approved the current version of the letter.
    public ReportingCycleWorkflow(ReportingCycle cycle, DateTime nowUtc, string actor, Func<bool>? allApprovalsIn = null)
    {
        _cycle = cycle;
        _allApprovalsIn = allApprovalsIn ?? (() => false);
        _machine = new StateMachine<ReportingCycleStatus, Trigger>(
            () => cycle.Status,
            status => cycle.EnterStatus(status, nowUtc, actor, _firing.ToString(), _reason));
        Configure(_machine, () => _cycle.AllValuesDone, HasReason, () => _allApprovalsIn());
    }

    public ReportingCycleStatus Status => _cycle.Status;

    public bool CanFire(Trigger trigger, string? reason = null)
    {
        _reason = reason;
        return _machine.CanFire(trigger);
    }

    public IReadOnlyList<Trigger> PermittedTriggers(string? reason = "-")
    {
        _reason = reason;
        return [.. Enum.GetValues<Trigger>().Where(_machine.CanFire)];
    }

    /// <summary>Fires a trigger; a transition that is not allowed changes nothing and says why.</summary>
    public Result Fire(Trigger trigger, string? reason = null)
    {
        if (!CanFire(trigger, reason))
        {
            return new CycleTransitionRefused(_cycle.Status, trigger.ToString(), WorkflowGraph.UnmetGuards(_machine.GetInfo(), _cycle.Status, trigger));
        }

        _firing = trigger;
        _machine.Fire(trigger);
        return Result.Success();
    }

    /// <summary>The whole flow as a Graphviz (DOT) graph; the current state is highlighted when a cycle is given.</summary>
    public static string DotGraph(ReportingCycleStatus? current = null)
    {
        var machine = new StateMachine<ReportingCycleStatus, Trigger>(current ?? ReportingCycleStatus.Scheduled);
        Configure(machine, static () => true, static () => true, static () => true);
        return WorkflowGraph.Highlight(UmlDotGraph.Format(machine.GetInfo()), current?.ToString());
    }

    /// <summary>The permitted (state, trigger, target) triples, for checks of bulk steps against the flow.</summary>
    public static IReadOnlyList<(ReportingCycleStatus From, Trigger Trigger, ReportingCycleStatus To)> Transitions()
    {
        var machine = new StateMachine<ReportingCycleStatus, Trigger>(ReportingCycleStatus.Scheduled);
        Configure(machine, static () => true, static () => true, static () => true);
        return [.. machine.GetInfo().States.SelectMany(s => s.FixedTransitions.Select(t =>
            ((ReportingCycleStatus)s.UnderlyingState, (Trigger)t.Trigger.UnderlyingTrigger, (ReportingCycleStatus)t.DestinationState.UnderlyingState)))];
    }

    private bool HasReason() => !string.IsNullOrWhiteSpace(_reason);

    private static StateMachine<ReportingCycleStatus, Trigger>.StateConfiguration[] Configure(
        StateMachine<ReportingCycleStatus, Trigger> machine, Func<bool> allValuesDone, Func<bool> hasReason, Func<bool> allApprovalsIn)
    {
        const string Done = "every required value submitted or explained";
        const string Reason = "a reason is given";
        const string Approved = "every required approval is in";
        return
        [
            machine.Configure(ReportingCycleStatus.Scheduled)
                .Permit(Trigger.Open, ReportingCycleStatus.Open)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.Open)
                .Permit(Trigger.StartCollecting, ReportingCycleStatus.Collecting)
                .PermitIf(Trigger.Complete, ReportingCycleStatus.Complete, allValuesDone, Done)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.Collecting)
                .PermitIf(Trigger.Complete, ReportingCycleStatus.Complete, allValuesDone, Done)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.Complete)
                .PermitIf(Trigger.StartDrafting, ReportingCycleStatus.Drafting, allValuesDone, Done)
                .PermitIf(Trigger.ReturnValue, ReportingCycleStatus.Collecting, hasReason, Reason)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.Drafting)
                .Permit(Trigger.SubmitForApproval, ReportingCycleStatus.InApproval)
                .PermitIf(Trigger.ReturnValue, ReportingCycleStatus.Collecting, hasReason, Reason)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.InApproval)
                .PermitIf(Trigger.SendBack, ReportingCycleStatus.SentBack, hasReason, Reason)
                .PermitIf(Trigger.Approve, ReportingCycleStatus.Approved, allApprovalsIn, Approved)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.SentBack)
                .PermitIf(Trigger.StartDrafting, ReportingCycleStatus.Drafting, allValuesDone, Done)
                .PermitIf(Trigger.ReturnValue, ReportingCycleStatus.Collecting, hasReason, Reason)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.Approved)
                .PermitIf(Trigger.Send, ReportingCycleStatus.Sent, allApprovalsIn, Approved)
                .PermitIf(Trigger.Cancel, ReportingCycleStatus.Cancelled, hasReason, Reason),
            machine.Configure(ReportingCycleStatus.Sent)
                .Permit(Trigger.Close, ReportingCycleStatus.Closed),
            machine.Configure(ReportingCycleStatus.Closed),
            machine.Configure(ReportingCycleStatus.Cancelled),
        ];
    }

    /// <summary>The flow as data, for the diagram and its table on the administration and cycle pages.</summary>
    public static WorkflowDiagram Diagram()
    {
        var machine = new StateMachine<ReportingCycleStatus, Trigger>(ReportingCycleStatus.Scheduled);
        Configure(machine, static () => true, static () => true, static () => true);
        return WorkflowGraph.Diagram("ReportingCycleWorkflow", machine.GetInfo(), ReportingCycleStatus.Scheduled.ToString());
    }
}
