namespace Governance.Domain.Obligations;

/// <summary>One line of an obligation's history: what happened, who did it and when. Never changed.</summary>
public sealed record ObligationHistoryEntry(
    DateTime AtUtc,
    string Actor,
    string What,
    ObligationStatus? From = null,
    ObligationStatus? To = null,
    string? Reason = null);
