namespace Governance.Domain.Obligations;

/// <summary>One line of an obligation's history: what happened, who did it and when. Never changed.</summary>
public sealed record ObligationHistoryEntry(
    DateTime AtUtc,
    string Actor,
    string What,
    ObligationStatus? From = null,
    ObligationStatus? To = null,
    string? Reason = null)
{
    /// <summary>The line's place in the obligation's history, from 1; the order of events, whatever order the database returns rows in.</summary>
    public int Sequence { get; init; }
}
