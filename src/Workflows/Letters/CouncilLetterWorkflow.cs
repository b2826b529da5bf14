using Governance.Domain.Common;
using Governance.Domain.Letters;
using Stateless;

namespace Governance.Workflows.Letters;

/// <summary>
/// The life of a raadsinformatiebrief, beside its cycle's:
/// <list type="bullet">
/// <item>Draft → InApproval: the drafter offers the current version to the responsible aldermen.</item>
/// <item>InApproval → Draft: an alderman sends it back with comments; every approval given so far is withdrawn.</item>
/// <item>InApproval → Approved: every responsible alderman approved the current version (an approval of an earlier version does not count).</item>
/// <item>Approved → Finalised: it gets its reference number and its content hash is sealed; from here it never changes.</item>
/// <item>Finalised → Sent: the griffie records the sending.</item>
/// </list>
/// </summary>
public sealed class CouncilLetterWorkflow
{
    public enum Trigger
    {
        Submit,
        SendBack,
        Approve,
        Finalise,
        Send,
    }

    private readonly CouncilLetter _letter;
    private readonly StateMachine<CouncilLetterStatus, Trigger> _machine;
    private readonly DateTime _nowUtc;
    private string? _reference;
    private (DateOnly On, string? DocumentNumber) _sending;

    public CouncilLetterWorkflow(CouncilLetter letter, DateTime nowUtc, Func<bool> allApprovalsIn)
    {
        _letter = letter;
        _nowUtc = nowUtc;
        _machine = new StateMachine<CouncilLetterStatus, Trigger>(() => letter.Status, Enter);
        Configure(_machine, allApprovalsIn, () => !string.IsNullOrWhiteSpace(_reference));
    }

    public Result Submit() => Fire(Trigger.Submit);

    public Result SendBack() => Fire(Trigger.SendBack);

    public Result Approve() => Fire(Trigger.Approve);

    public Result Finalise(string reference)
    {
        _reference = reference;
        return Fire(Trigger.Finalise);
    }

    public Result Send(DateOnly sentOn, string? documentNumber)
    {
        _sending = (sentOn, documentNumber);
        return Fire(Trigger.Send);
    }

    public bool CanFire(Trigger trigger) => _machine.CanFire(trigger);

    public static WorkflowDiagram Diagram()
    {
        var machine = new StateMachine<CouncilLetterStatus, Trigger>(CouncilLetterStatus.Draft);
        Configure(machine, static () => true, static () => true);
        return WorkflowGraph.Diagram("CouncilLetterWorkflow", machine.GetInfo(), CouncilLetterStatus.Draft.ToString());
    }

    private Result Fire(Trigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return new LetterStepRefused(_letter.Status switch
            {
                CouncilLetterStatus.Finalised or CouncilLetterStatus.Sent => $"Deze brief is vastgesteld ({_letter.Reference}) en verandert niet meer.",
                _ when trigger == Trigger.Approve => "Nog niet elke verantwoordelijke wethouder heeft deze versie goedgekeurd.",
                _ => $"Deze stap kan niet: de brief staat op {Dutch(_letter.Status)}.",
            });
        }

        _machine.Fire(trigger);
        return Result.Success();
    }

    private void Enter(CouncilLetterStatus status)
    {
        switch (status)
        {
            case CouncilLetterStatus.Finalised:
                _letter.Finalise(_reference!, _nowUtc);
                break;
            case CouncilLetterStatus.Sent:
                _letter.MarkSent(_sending.On, _sending.DocumentNumber);
                break;
            case CouncilLetterStatus.Draft when _letter.Status == CouncilLetterStatus.InApproval:
                _letter.SendBack(_nowUtc);
                break;
            default:
                _letter.EnterStatus(status);
                break;
        }
    }

    public static string Dutch(CouncilLetterStatus status) => status switch
    {
        CouncilLetterStatus.Draft => "concept",
        CouncilLetterStatus.InApproval => "ter goedkeuring",
        CouncilLetterStatus.Approved => "goedgekeurd",
        CouncilLetterStatus.Finalised => "vastgesteld",
        CouncilLetterStatus.Sent => "verzonden",
    };

    private static void Configure(StateMachine<CouncilLetterStatus, Trigger> machine, Func<bool> allApprovalsIn, Func<bool> hasReference)
    {
        machine.Configure(CouncilLetterStatus.Draft)
            .Permit(Trigger.Submit, CouncilLetterStatus.InApproval);
        machine.Configure(CouncilLetterStatus.InApproval)
            .Permit(Trigger.SendBack, CouncilLetterStatus.Draft)
            .PermitIf(Trigger.Approve, CouncilLetterStatus.Approved, allApprovalsIn, "elke verantwoordelijke wethouder keurde deze versie goed");
        machine.Configure(CouncilLetterStatus.Approved)
            .PermitIf(Trigger.Finalise, CouncilLetterStatus.Finalised, hasReference, "met een kenmerk");
        machine.Configure(CouncilLetterStatus.Finalised)
            .Permit(Trigger.Send, CouncilLetterStatus.Sent);
        machine.Configure(CouncilLetterStatus.Sent);
    }
}
