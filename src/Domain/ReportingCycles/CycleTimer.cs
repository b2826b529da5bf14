namespace Governance.Domain.ReportingCycles;

/// <summary>
/// The next timed event of an open indicator task. Timers are data on the task, swept in bulk by one
/// recurring job; each stage fires once and moves the task to the next.
/// </summary>
public enum TaskTimer
{
    /// <summary>A reminder some working days before the values are due (default 5).</summary>
    FirstReminder,

    /// <summary>A reminder shortly before the values are due (default 1 working day).</summary>
    LastReminder,

    /// <summary>Overdue: the team lead is told.</summary>
    EscalateToTeamLead,

    /// <summary>Still overdue: the griffie is told.</summary>
    EscalateToGriffie,

    /// <summary>Every timed event has fired.</summary>
    Done,
}

/// <summary>When each timer stage of a task fires, in (working) days around the values deadline.</summary>
public sealed record TimerRules
{
    public int FirstReminderBefore { get; init; } = 5;

    public int LastReminderBefore { get; init; } = 1;

    public int EscalateToTeamLeadAfter { get; init; } = 1;

    public int EscalateToGriffieAfter { get; init; } = 5;

    public static TimerRules Default { get; } = new();
}
