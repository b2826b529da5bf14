using Governance.Domain.Accounts;
using Governance.Workflows.ReportingCycles;
using T = Governance.Workflows.ReportingCycles.ReportingCycleWorkflow.Trigger;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>
/// Who may move a cycle by hand. Opening, collecting and completing happen by themselves (jobs and
/// recorded values); approving goes through the letter's approvals; the rest is done by these roles.
/// </summary>
public static class CycleTriggerPermissions
{
    private static readonly Dictionary<T, string[]> ByTrigger = new()
    {
        [T.StartDrafting] = [Roles.Medewerker, Roles.Griffie],
        [T.SubmitForApproval] = [Roles.Medewerker, Roles.Griffie],
        [T.ReturnValue] = [Roles.Medewerker, Roles.Teamleider],
        [T.SendBack] = [Roles.Wethouder],
        [T.Send] = [Roles.Griffie],
        [T.Close] = [Roles.Griffie],
        [T.Cancel] = [Roles.Griffie],
    };

    public static bool IsManual(T trigger) => ByTrigger.ContainsKey(trigger);

    public static bool MayFire(T trigger, Func<string, bool> isInRole) =>
        ByTrigger.TryGetValue(trigger, out var roles) && roles.Any(isInRole);

    public static IEnumerable<T> ManualTriggers => ByTrigger.Keys;

    /// <summary>Whether a trigger needs a written reason (sending back, returning, cancelling).</summary>
    public static bool NeedsReason(T trigger) => trigger is T.SendBack or T.ReturnValue or T.Cancel;

    public static ReportingCycleWorkflow.Trigger[] All => Enum.GetValues<T>();
}
