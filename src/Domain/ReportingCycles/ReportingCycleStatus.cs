namespace Governance.Domain.ReportingCycles;

/// <summary>Where one period's report for one obligation stands.</summary>
public enum ReportingCycleStatus
{
    Scheduled,
    Open,
    Collecting,
    Complete,
    Drafting,
    InApproval,
    SentBack,
    Approved,
    Sent,
    Closed,
    Cancelled,
}

/// <summary>Where one indicator's value for one cycle stands.</summary>
public enum IndicatorTaskStatus
{
    Open,
    DraftSaved,
    Submitted,
    Returned,
    NotAvailable,
}

public static class ReportingStatusExtensions
{
    /// <summary>The states of a task whose value is in: submitted, or explicitly not available with a reason (comply or explain).</summary>
    public static IReadOnlyList<IndicatorTaskStatus> DoneStatuses { get; } = [IndicatorTaskStatus.Submitted, IndicatorTaskStatus.NotAvailable];

    /// <summary>Submitted, or explicitly not available with a reason: comply or explain.</summary>
    public static bool IsDone(this IndicatorTaskStatus status) =>
        status is IndicatorTaskStatus.Submitted or IndicatorTaskStatus.NotAvailable;

    /// <summary>Whether a value can be entered (or its attachments changed): the cycle is open or collecting, and the task's value is not in.</summary>
    public static bool CanEnterValue(ReportingCycleStatus cycle, IndicatorTaskStatus task) =>
        cycle is ReportingCycleStatus.Open or ReportingCycleStatus.Collecting
        && task is IndicatorTaskStatus.Open or IndicatorTaskStatus.DraftSaved or IndicatorTaskStatus.Returned;

    /// <summary>States in which every required value must be submitted or explained.</summary>
    public static bool RequiresAllValues(this ReportingCycleStatus status) =>
        status is ReportingCycleStatus.Complete or ReportingCycleStatus.Drafting or ReportingCycleStatus.InApproval
            or ReportingCycleStatus.SentBack or ReportingCycleStatus.Approved or ReportingCycleStatus.Sent
            or ReportingCycleStatus.Closed;
}
