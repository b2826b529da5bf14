using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

/// <summary>The dates of a cycle's timer stages, in working days around its values deadline.</summary>
public sealed class TaskTimers(WorkingDayCalendar workingDays, TimerRules rules)
{
    public DateOnly DateOf(TaskTimer stage, DateOnly due) => stage switch
    {
        TaskTimer.FirstReminder => workingDays.AddWorkingDays(due, -rules.FirstReminderBefore),
        TaskTimer.LastReminder => workingDays.AddWorkingDays(due, -rules.LastReminderBefore),
        TaskTimer.EscalateToTeamLead => workingDays.AddWorkingDays(due, rules.EscalateToTeamLeadAfter),
        TaskTimer.EscalateToGriffie => workingDays.AddWorkingDays(due, rules.EscalateToGriffieAfter),
        TaskTimer.Done => due,
    };

    /// <summary>Puts a newly opened cycle on its first timer.</summary>
    public void Start(ReportingCycle cycle) =>
        cycle.ScheduleTimer(TaskTimer.FirstReminder, DateOf(TaskTimer.FirstReminder, cycle.Deadlines.ValuesDue));

    /// <summary>The stage after the one that fired, and its day (none once every stage has fired).</summary>
    public (TaskTimer Timer, DateOnly? On) After(TaskTimer fired, DateOnly due)
    {
        var next = fired == TaskTimer.Done ? TaskTimer.Done : fired + 1;
        return (next, next == TaskTimer.Done ? null : DateOf(next, due));
    }
}
