using System.Linq.Expressions;
using Governance.Domain.Common;
using Governance.Domain.Planning;
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
/// <see cref="Schedule"/> declares, beside the transitions, the deadline each state waits for and the reminders and
/// escalations around it; the deadline sweep and the cockpit read it from there.
/// </summary>
public sealed class ReportingCycleWorkflow
{
    /// <summary>
    /// For each step: the states that wait for its deadline, and its timers (reminders before the deadline, escalations
    /// after it), with who they reach. The only place that maps a state to a deadline: the sweep fires a timer only while
    /// the cycle is in one of its step's states, and the cockpit's "next deadline" is built from the same table.
    /// </summary>
    public static IReadOnlyList<StepSchedule> Schedule { get; } =
    [
        new(DeadlineStep.Values, [ReportingCycleStatus.Scheduled, ReportingCycleStatus.Open, ReportingCycleStatus.Collecting],
        [
            new(CycleTimer.FirstReminder, TimerAudience.Suppliers, Before: true, r => r.FirstReminderBefore),
            new(CycleTimer.LastReminder, TimerAudience.Suppliers, Before: true, r => r.LastReminderBefore),
            new(CycleTimer.EscalateToTeamLead, TimerAudience.TeamLeads, Before: false, r => r.EscalateToTeamLeadAfter),
            new(CycleTimer.EscalateToGriffie, TimerAudience.Griffie, Before: false, r => r.EscalateToGriffieAfter),
        ]),
        new(DeadlineStep.Draft, [ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting, ReportingCycleStatus.SentBack],
        [
            new(CycleTimer.DraftReminder, TimerAudience.Drafters, Before: true, r => r.DraftReminderBefore),
        ]),
        new(DeadlineStep.Approvals, [ReportingCycleStatus.InApproval],
        [
            new(CycleTimer.ApprovalsReminder, TimerAudience.Approvers, Before: true, r => r.ApprovalsReminderBefore),
            new(CycleTimer.ApprovalsOverdue, TimerAudience.Griffie, Before: false, r => r.ApprovalsOverdueAfter),
        ]),
        new(DeadlineStep.SendToCouncil, [ReportingCycleStatus.Approved],
        [
            new(CycleTimer.SendReminder, TimerAudience.Griffie, Before: true, r => r.SendReminderBefore),
        ]),
    ];

    /// <summary>The state in Dutch, as the screens name it, for messages written here.</summary>
    public static string Dutch(ReportingCycleStatus status) => status switch
    {
        ReportingCycleStatus.Scheduled => "gepland",
        ReportingCycleStatus.Open => "open",
        ReportingCycleStatus.Collecting => "cijfers verzamelen",
        ReportingCycleStatus.Complete => "compleet",
        ReportingCycleStatus.Drafting => "brief in concept",
        ReportingCycleStatus.InApproval => "ter goedkeuring",
        ReportingCycleStatus.SentBack => "teruggestuurd",
        ReportingCycleStatus.Approved => "goedgekeurd",
        ReportingCycleStatus.Sent => "verzonden",
        ReportingCycleStatus.Closed => "afgerond",
        _ => "vervallen",
    };

    /// <summary>The step in Dutch, as the screens name it.</summary>
    public static string Dutch(Trigger trigger) => trigger switch
    {
        Trigger.Open => "openen",
        Trigger.StartCollecting => "waarden verzamelen",
        Trigger.Complete => "compleet maken",
        Trigger.ReturnValue => "waarde terugsturen",
        Trigger.StartDrafting => "brief opstellen",
        Trigger.SubmitForApproval => "ter goedkeuring aanbieden",
        Trigger.SendBack => "terugsturen",
        Trigger.Approve => "goedkeuren",
        Trigger.Send => "verzenden",
        Trigger.Close => "afronden",
        _ => "laten vervallen",
    };

    /// <summary>The step a cycle in <paramref name="status"/> waits for; none once it is sent, closed or cancelled.</summary>
    public static StepSchedule? StepOf(ReportingCycleStatus status) => Schedule.FirstOrDefault(s => s.States.Contains(status));

    /// <summary>The step <paramref name="timer"/> belongs to, and its declaration.</summary>
    public static (StepSchedule Step, StepTimer Timer) Declaration(CycleTimer timer) =>
        Schedule.SelectMany(s => s.Timers.Select(t => (s, t))).Single(x => x.t.Timer == timer);

    /// <summary>The deadline a cycle in <paramref name="status"/> waits for; the sending date once it has none.</summary>
    public static DateOnly DeadlineOf(ReportingCycleStatus status, StepDeadlines deadlines) =>
        deadlines.Of(StepOf(status)?.Step ?? DeadlineStep.SendToCouncil);

    /// <summary><see cref="DeadlineOf(ReportingCycleStatus, StepDeadlines)"/> as an expression over <paramref name="cycle"/>, for a database to evaluate.</summary>
    public static Expression DeadlineOf(Expression cycle)
    {
        var deadlines = Expression.Property(cycle, nameof(ReportingCycle.Deadlines));
        Expression next = Expression.Property(deadlines, StepDeadlines.PropertyOf(DeadlineStep.SendToCouncil));
        foreach (var step in Schedule.Reverse())
        {
            next = Expression.Condition(IsIn(cycle, step.States), Expression.Property(deadlines, StepDeadlines.PropertyOf(step.Step)), next);
        }

        return next;
    }

    /// <summary>Whether the cycle over <paramref name="cycle"/> still waits for a step (not sent, closed or cancelled), as an expression.</summary>
    public static Expression IsActive(Expression cycle) => IsIn(cycle, Schedule.SelectMany(s => s.States));

    // Named one by one (an IN list), so the (municipality, status) index reads only the states asked for.
    private static Expression IsIn(Expression cycle, IEnumerable<ReportingCycleStatus> states) =>
        states.Select(s => (Expression)Expression.Equal(Expression.Property(cycle, nameof(ReportingCycle.Status)), Expression.Constant(s, typeof(ReportingCycleStatus))))
            .Aggregate(Expression.OrElse);

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
            return new CycleTransitionRefused(Dutch(_cycle.Status), Dutch(trigger), WorkflowGraph.UnmetGuards(_machine.GetInfo(), _cycle.Status, trigger));
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
        const string Done = "elke verplichte waarde ingediend of verklaard";
        const string Reason = WorkflowGraph.ReasonGiven;
        const string Approved = "alle vereiste goedkeuringen binnen";
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

/// <summary>Who a cycle timer reaches (each replaced by their substitute while away).</summary>
public enum TimerAudience
{
    /// <summary>Whoever owes a value: the assignee of an open task, or else its team's staff.</summary>
    Suppliers,

    /// <summary>The team leads of the teams with an open task.</summary>
    TeamLeads,

    /// <summary>The staff and team leads of the teams that report in the cycle, who draft its letter.</summary>
    Drafters,

    /// <summary>The responsible aldermen who have not yet approved the letter as it stands.</summary>
    Approvers,

    /// <summary>The griffie of the municipality.</summary>
    Griffie,
}

/// <summary>A timer of a step: who it reaches, and how many working days before or after the step's deadline it fires.</summary>
public sealed record StepTimer(CycleTimer Timer, TimerAudience Audience, bool Before, Func<TimerRules, int> WorkingDays);

/// <summary>A step of the cycle: the states that wait for its deadline, and its timers.</summary>
public sealed record StepSchedule(DeadlineStep Step, IReadOnlyList<ReportingCycleStatus> States, IReadOnlyList<StepTimer> Timers);
