using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Stateless;
using Stateless.Graph;

namespace Governance.Workflows.Obligations;

/// <summary>
/// The life of a motion or commitment, with the two-key closure councils ask for. Registered by the
/// griffie; InProgress once reporting starts (a recurring obligation stays there until its end date);
/// Reported when the executive says it is carried out, naming the letter that reports it (first key);
/// then the griffie confirms it Fulfilled (afgedaan) or reopens it with a reason (second key).
/// Lapsed (vervallen) is possible from every open state, always with a reason. Fulfilled and Lapsed
/// are final. For Report, the "reason" is the letter's reference.
/// </summary>
public sealed class ObligationWorkflow
{
    public enum Trigger
    {
        StartReporting,
        Report,
        ConfirmFulfilled,
        Reopen,
        Lapse,
    }

    private readonly Obligation _obligation;
    private readonly DateOnly _today;
    private readonly StateMachine<ObligationStatus, Trigger> _machine;
    private string? _reason;

    public ObligationWorkflow(Obligation obligation, DateOnly today, DateTime nowUtc, string actor)
    {
        _obligation = obligation;
        _today = today;
        _machine = new StateMachine<ObligationStatus, Trigger>(
            () => obligation.Status,
            status => obligation.EnterStatus(status, nowUtc, actor, _reason));
        Configure(_machine);
    }

    public ObligationStatus Status => _obligation.Status;

    public bool CanFire(Trigger trigger, string? reason = null)
    {
        _reason = reason;
        return _machine.CanFire(trigger);
    }

    public IEnumerable<Trigger> PermittedTriggers(string? reason = "-")
    {
        _reason = reason;
        return Enum.GetValues<Trigger>().Where(_machine.CanFire).ToList();
    }

    public Result Fire(Trigger trigger, string? reason = null)
    {
        if (!CanFire(trigger, reason))
        {
            return new TransitionNotAllowed(Dutch(_obligation.Status), Dutch(trigger), WorkflowGraph.UnmetGuards(_machine.GetInfo(), _obligation.Status, trigger));
        }

        _machine.Fire(trigger);
        return Result.Success();
    }

    /// <summary>The state in Dutch, as messages written here name it.</summary>
    public static string Dutch(ObligationStatus status) => status switch
    {
        ObligationStatus.Registered => "geregistreerd",
        ObligationStatus.InProgress => "in uitvoering",
        ObligationStatus.Reported => "gerapporteerd, ter beoordeling",
        ObligationStatus.Fulfilled => "afgedaan",
        _ => "vervallen",
    };

    /// <summary>The step in Dutch, as the buttons name it.</summary>
    public static string Dutch(Trigger trigger) => trigger switch
    {
        Trigger.StartReporting => "rapportage starten",
        Trigger.Report => "melden als uitgevoerd",
        Trigger.ConfirmFulfilled => "afdoen",
        Trigger.Reopen => "heropenen",
        _ => "laten vervallen",
    };

    /// <summary>The workflow as a Graphviz (DOT) graph, for the administration page and the docs.</summary>
    public static string DotGraph()
    {
        var machine = new StateMachine<ObligationStatus, Trigger>(ObligationStatus.Registered);
        Configure(machine, static () => true, static () => true);
        return UmlDotGraph.Format(machine.GetInfo());
    }

    private void Configure(StateMachine<ObligationStatus, Trigger> machine) =>
        Configure(machine, HasReason, ReportingHasEnded);

    private static void Configure(StateMachine<ObligationStatus, Trigger> machine, Func<bool> hasReason, Func<bool> reportingHasEnded)
    {
        const string Reason = WorkflowGraph.ReasonGiven;
        const string Ended = "eenmalig of na de einddatum, met de brief die rapporteert";
        machine.Configure(ObligationStatus.Registered)
            .Permit(Trigger.StartReporting, ObligationStatus.InProgress)
            .PermitIf(Trigger.Lapse, ObligationStatus.Lapsed, hasReason, Reason);

        machine.Configure(ObligationStatus.InProgress)
            .PermitIf(Trigger.Report, ObligationStatus.Reported, () => reportingHasEnded() && hasReason(), Ended)
            .PermitIf(Trigger.Lapse, ObligationStatus.Lapsed, hasReason, Reason);

        machine.Configure(ObligationStatus.Reported)
            .Permit(Trigger.ConfirmFulfilled, ObligationStatus.Fulfilled)
            .PermitIf(Trigger.Reopen, ObligationStatus.InProgress, hasReason, Reason)
            .PermitIf(Trigger.Lapse, ObligationStatus.Lapsed, hasReason, Reason);

        machine.Configure(ObligationStatus.Fulfilled);
        machine.Configure(ObligationStatus.Lapsed);
    }

    private bool HasReason() => !string.IsNullOrWhiteSpace(_reason);

    private bool ReportingHasEnded() =>
        !_obligation.Cadence.IsRecurring() || (_obligation.EndDate is { } end && _today >= end);

    /// <summary>The flow as data, for the diagram and its table on the administration and cycle pages.</summary>
    public static WorkflowDiagram Diagram()
    {
        var machine = new StateMachine<ObligationStatus, Trigger>(ObligationStatus.Registered);
        Configure(machine, static () => true, static () => true);
        return WorkflowGraph.Diagram("ObligationWorkflow", machine.GetInfo(), ObligationStatus.Registered.ToString());
    }
}
