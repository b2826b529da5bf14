namespace Governance.Domain.ReportingCycles;

/// <summary>One transition of a reporting cycle: who moved it, when, from where to where, by which trigger and why.</summary>
public sealed record CycleJournalEntry(
    DateTime AtUtc,
    string Actor,
    ReportingCycleStatus From,
    ReportingCycleStatus To,
    string Trigger,
    string? Reason = null)
{
    /// <summary>The line's place in the cycle's journal, from 1; the order of the transitions, whatever order the database returns rows in.</summary>
    public int Sequence { get; init; }
}
