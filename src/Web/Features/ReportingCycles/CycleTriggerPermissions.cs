using Governance.Domain.Accounts;
using Governance.Workflows.ReportingCycles;
using T = Governance.Workflows.ReportingCycles.ReportingCycleWorkflow.Trigger;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>
/// Who may move a cycle by hand. Opening, collecting and completing happen by themselves (jobs and
/// recorded values); drafting, offering for approval, approving, sending back and sending are steps of the
/// cycle's letter (composing, submitting, the aldermen's approvals, recording the sending), so the cycle
/// never moves past its letter; the rest is done by these roles.
/// </summary>
public static class CycleTriggerPermissions
{
    private static readonly Dictionary<T, string[]> ByTrigger = new()
    {
        [T.ReturnValue] = [Roles.Medewerker, Roles.Teamleider],
        [T.Close] = [Roles.Griffie],
        [T.Cancel] = [Roles.Griffie],
    };

    /// <summary>The steps that are taken on the letter, never on the cycle directly.</summary>
    public static bool IsLetterStep(T trigger) => trigger is T.StartDrafting or T.SubmitForApproval or T.Approve or T.SendBack or T.Send;

    public static bool IsManual(T trigger) => ByTrigger.ContainsKey(trigger);

    public static bool MayFire(T trigger, Func<string, bool> isInRole) =>
        ByTrigger.TryGetValue(trigger, out var roles) && roles.Any(isInRole);

    public static IEnumerable<T> ManualTriggers => ByTrigger.Keys;

    /// <summary>Whether a trigger needs a written reason (sending back, returning, cancelling).</summary>
    public static bool NeedsReason(T trigger) => trigger is T.ReturnValue or T.Cancel;

    public static ReportingCycleWorkflow.Trigger[] All => Enum.GetValues<T>();
}
