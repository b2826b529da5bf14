using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

/// <summary>The dates of a task's timer stages, in working days around its values deadline.</summary>
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

    /// <summary>Puts a newly opened task on its first timer.</summary>
    public void Start(IndicatorTask task) => task.ScheduleTimer(TaskTimer.FirstReminder, DateOf(TaskTimer.FirstReminder, task.DueDate));

    /// <summary>Moves a task to the stage after the one that fired.</summary>
    public void Advance(IndicatorTask task)
    {
        var next = task.NextTimer == TaskTimer.Done ? TaskTimer.Done : task.NextTimer + 1;
        task.ScheduleTimer(next, next == TaskTimer.Done ? null : DateOf(next, task.DueDate));
    }
}
