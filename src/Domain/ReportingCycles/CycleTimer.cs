namespace Governance.Domain.ReportingCycles;

/// <summary>
/// A timed event of a reporting cycle: a reminder before a step's deadline or an escalation after it. Timers are data on
/// the cycle (<see cref="ReportingCycle.NextTimer"/>), swept in bulk by one recurring job; each fires once. Which step
/// each belongs to, who it reaches and when it fires is declared once, in the reporting cycle workflow; the order in
/// which they fire follows their dates, not the order of this list (stored by name).
/// </summary>
public enum CycleTimer
{
    /// <summary>Values: a reminder some working days before they are due (default 5), to whoever owes one.</summary>
    FirstReminder,

    /// <summary>Values: a reminder shortly before they are due (default 1 working day).</summary>
    LastReminder,

    /// <summary>Values overdue: the team lead is told.</summary>
    EscalateToTeamLead,

    /// <summary>Values still overdue: the griffie is told.</summary>
    EscalateToGriffie,

    /// <summary>Draft: the drafting teams are reminded before the letter must be offered for approval.</summary>
    DraftReminder,

    /// <summary>Approvals: each responsible alderman who has not approved yet is reminded.</summary>
    ApprovalsReminder,

    /// <summary>Approvals overdue: the griffie is told who has not approved.</summary>
    ApprovalsOverdue,

    /// <summary>Sending: the griffie is reminded to send the finalised letter to the council.</summary>
    SendReminder,

    /// <summary>Every timed event has fired.</summary>
    Done,
}

/// <summary>When each timer fires, in working days before (reminders) or after (escalations) its step's deadline.</summary>
public sealed record TimerRules
{
    public int FirstReminderBefore { get; init; } = 5;

    public int LastReminderBefore { get; init; } = 1;

    public int EscalateToTeamLeadAfter { get; init; } = 1;

    public int EscalateToGriffieAfter { get; init; } = 5;

    public int DraftReminderBefore { get; init; } = 2;

    public int ApprovalsReminderBefore { get; init; } = 2;

    public int ApprovalsOverdueAfter { get; init; } = 1;

    public int SendReminderBefore { get; init; } = 1;

    public static TimerRules Default { get; } = new();
}
