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

    /// <summary>States in which every required value must be submitted or explained.</summary>
    public static bool RequiresAllValues(this ReportingCycleStatus status) =>
        status is ReportingCycleStatus.Complete or ReportingCycleStatus.Drafting or ReportingCycleStatus.InApproval
            or ReportingCycleStatus.SentBack or ReportingCycleStatus.Approved or ReportingCycleStatus.Sent
            or ReportingCycleStatus.Closed;
}
