namespace Governance.Domain.ReportingCycles;

/// <summary>One transition of a reporting cycle: who moved it, when, from where to where, by which trigger and why.</summary>
public sealed record CycleJournalEntry(
    DateTime AtUtc,
    string Actor,
    ReportingCycleStatus From,
    ReportingCycleStatus To,
    string Trigger,
    string? Reason = null);
