namespace Governance.Domain.Common;

/// <summary>The one way a workflow says, in Dutch, why a step cannot be taken.</summary>
public static class Refusal
{
    /// <summary>"'verzenden' kan niet: de rapportage staat op 'ter goedkeuring'; nodig: alle goedkeuringen binnen."</summary>
    public static string Say(string step, string where, IReadOnlyList<string> unmetConditions) =>
        unmetConditions.Count > 0
            ? $"'{step}' kan niet: {where}; nodig: {string.Join(", ", unmetConditions)}."
            : $"'{step}' kan niet: {where}.";
}
