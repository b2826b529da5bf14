using System.Collections.Concurrent;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// The days of a cycle's timers, in working days around the deadline of the step each belongs to (as declared in
/// <see cref="ReportingCycleWorkflow.Schedule"/>), and the order in which they fire: by date, then as declared.
/// </summary>
public sealed class CycleTimers(WorkingDayCalendar workingDays, TimerRules rules)
{
    /// <summary>Cycles of one period share their deadlines, so a sweep or an opening works out few timelines; kept bounded.</summary>
    private const int RememberedTimelines = 4_096;

    private readonly ConcurrentDictionary<StepDeadlines, (CycleTimer Timer, DateOnly On)[]> _timelines = new();

    public DateOnly DateOf(CycleTimer timer, StepDeadlines deadlines)
    {
        var (step, declared) = ReportingCycleWorkflow.Declaration(timer);
        var days = declared.WorkingDays(rules);
        return workingDays.AddWorkingDays(deadlines.Of(step.Step), declared.Before ? -days : days);
    }

    /// <summary>Every timer of a cycle with its day, in the order they fire.</summary>
    public IReadOnlyList<(CycleTimer Timer, DateOnly On)> Timeline(StepDeadlines deadlines)
    {
        if (_timelines.TryGetValue(deadlines, out var known))
        {
            return known;
        }

        if (_timelines.Count >= RememberedTimelines)
        {
            _timelines.Clear();
        }

        return _timelines[deadlines] = WorkOut(deadlines);
    }

    private (CycleTimer Timer, DateOnly On)[] WorkOut(StepDeadlines deadlines) =>
        [.. ReportingCycleWorkflow.Schedule.SelectMany(s => s.Timers)
            .Select((t, order) => (t.Timer, On: DateOf(t.Timer, deadlines), order))
            .OrderBy(t => t.On).ThenBy(t => t.order)
            .Select(t => (t.Timer, t.On))];

    /// <summary>Puts a newly opened cycle on its first timer.</summary>
    public void Start(ReportingCycle cycle)
    {
        var (timer, on) = Timeline(cycle.Deadlines)[0];
        cycle.ScheduleTimer(timer, on);
    }

    /// <summary>The timer after the one that fired, and its day (none once every timer has fired).</summary>
    public (CycleTimer Timer, DateOnly? On) After(CycleTimer fired, StepDeadlines deadlines)
    {
        var timeline = Timeline(deadlines);
        var at = -1;
        for (var i = 0; i < timeline.Count && at < 0; i++)
        {
            at = timeline[i].Timer == fired ? i : at;
        }

        var next = fired == CycleTimer.Done ? timeline.Count : at + 1;
        return next < timeline.Count ? (timeline[next].Timer, timeline[next].On) : (CycleTimer.Done, null);
    }

    /// <summary>
    /// The deadlines of a cycle moved: it waits for the first timer that falls on <paramref name="today"/> or later under the
    /// new dates (one already sent today is not sent again: a person gets one notification per event).
    /// </summary>
    public void Rearm(ReportingCycle cycle, DateOnly today)
    {
        if (cycle.NextTimer == CycleTimer.Done)
        {
            return;
        }

        var (timer, on) = Timeline(cycle.Deadlines).FirstOrDefault(t => t.On >= today, (CycleTimer.Done, default));
        cycle.ScheduleTimer(timer, on);
    }
}
