using Governance.Domain.Common;

namespace Governance.Web.Features.Obligations;

/// <summary>The one message for an obligation someone else saved since it was read.</summary>
internal static class ObligationConflicts
{
    public static Conflict ChangedMeanwhile(int? currentVersion = null, string? advice = null) => new(
        "Iemand anders heeft deze motie of toezegging intussen gewijzigd" +
        (currentVersion is { } v ? $" (nu versie {v})" : "") +
        ". Laad haar opnieuw" + (advice is null ? "." : $" {advice}."));
}
