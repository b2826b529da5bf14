using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using S = Governance.Domain.ReportingCycles.ReportingCycleStatus;

namespace Governance.Workflows.Tests.ReportingCycles;

/// <summary>A changed P&amp;C calendar moves the steps a cycle has not passed, and only those.</summary>
public class MoveDeadlinesTests
{
    private static readonly StepDeadlines Later = new(new DateOnly(2026, 1, 26), new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 10));

    [Theory]
    [InlineData(S.Open, new[] { DeadlineStep.Values, DeadlineStep.Draft, DeadlineStep.Approvals, DeadlineStep.SendToCouncil })]
    [InlineData(S.Collecting, new[] { DeadlineStep.Values, DeadlineStep.Draft, DeadlineStep.Approvals, DeadlineStep.SendToCouncil })]
    [InlineData(S.Complete, new[] { DeadlineStep.Draft, DeadlineStep.Approvals, DeadlineStep.SendToCouncil })]
    [InlineData(S.Drafting, new[] { DeadlineStep.Draft, DeadlineStep.Approvals, DeadlineStep.SendToCouncil })]
    [InlineData(S.SentBack, new[] { DeadlineStep.Draft, DeadlineStep.Approvals, DeadlineStep.SendToCouncil })]
    [InlineData(S.InApproval, new[] { DeadlineStep.Approvals, DeadlineStep.SendToCouncil })]
    [InlineData(S.Approved, new[] { DeadlineStep.SendToCouncil })]
    [InlineData(S.Sent, new DeadlineStep[0])]
    [InlineData(S.Closed, new DeadlineStep[0])]
    [InlineData(S.Cancelled, new DeadlineStep[0])]
    public void Each_step_not_yet_passed_takes_its_new_deadline(S status, DeadlineStep[] expected)
    {
        var cycle = Cycles.InStatus(status);
        var before = cycle.Deadlines;
        var journal = cycle.Journal.Count;

        var moved = cycle.MoveDeadlines(Later, Cycles.Now, "Beheerder", m => CycleRescheduler.Describe(m));

        Assert.Equal(expected, moved.Select(m => m.Step));
        Assert.Equal(expected.Contains(DeadlineStep.Values) ? Later.ValuesDue : before.ValuesDue, cycle.Deadlines.ValuesDue);
        Assert.Equal(expected.Contains(DeadlineStep.SendToCouncil) ? Later.SendToCouncil : before.SendToCouncil, cycle.Deadlines.SendToCouncil);
        Assert.Equal(journal + (expected.Length > 0 ? 1 : 0), cycle.Journal.Count);
    }

    [Fact]
    public void The_open_tasks_move_with_the_values_deadline_and_the_journal_says_from_what_to_what()
    {
        var cycle = Cycles.InStatus(S.Open);
        var done = cycle.TaskFor(Cycles.Count.Id)!;
        done.Record(Cycles.Count.Current, Domain.Indicators.IndicatorValue.OfNumber(12), null, "Monitor", "Sanne", Cycles.Now);
        done.EnterStatus(IndicatorTaskStatus.Submitted);

        cycle.MoveDeadlines(Later, Cycles.Now, "Beheerder", m => $"De P&C-kalender 2026 is gewijzigd. {CycleRescheduler.Describe(m)}.");

        Assert.Equal(new DateOnly(2026, 1, 22), done.DueDate);
        Assert.Equal(Later.ValuesDue, cycle.TaskFor(Cycles.Share.Id)!.DueDate);
        var line = cycle.Journal[^1];
        Assert.Equal((S.Open, S.Open, ReportingCycle.DeadlinesMovedTrigger), (line.From, line.To, line.Trigger));
        Assert.StartsWith("De P&C-kalender 2026 is gewijzigd. cijfers uiterlijk 26 januari 2026 (was 22 januari 2026); concept uiterlijk 2 februari 2026 (was 29 januari 2026)", line.Reason);
    }

    [Fact]
    public void Deadlines_that_come_out_the_same_leave_no_line()
    {
        var cycle = Cycles.InStatus(S.Collecting);
        var journal = cycle.Journal.Count;

        Assert.Empty(cycle.MoveDeadlines(cycle.Deadlines, Cycles.Now, "Beheerder", _ => "niets"));
        Assert.Equal(journal, cycle.Journal.Count);
    }
}
