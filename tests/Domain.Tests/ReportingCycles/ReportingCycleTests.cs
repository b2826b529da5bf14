using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Domain.ReportingCycles.Events;
using Governance.Domain.Tests.Builders;

namespace Governance.Domain.Tests.ReportingCycles;

public class ReportingCycleTests
{
    private static readonly StepDeadlines Deadlines = new(new DateOnly(2026, 1, 22), new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 10));

    private readonly Indicator _count = Build.Indicator(IndicatorKind.Count, code: "WMO-AANVRAGEN");
    private readonly Indicator _share = Build.Indicator(IndicatorKind.Percentage, "%", 1, code: "WMO-TIJDIG");

    private ReportingCycle OpenCycle()
    {
        var motion = Build.Motion(Build.Details(indicators: [_count.Id, _share.Id]));
        return ReportingCycle.Plan(motion, ReportingPeriod.Quarter(2025, 4), Deadlines, [_count.Current, _share.Current]);
    }

    [Fact]
    public void Planning_creates_a_task_per_required_indicator_due_on_the_values_deadline()
    {
        var cycle = OpenCycle();
        Assert.Equal(ReportingCycleStatus.Scheduled, cycle.Status);
        Assert.Equal(2, cycle.Tasks.Count);
        Assert.All(cycle.Tasks, t => Assert.Equal(new DateOnly(2026, 1, 22), t.DueDate));
        Assert.All(cycle.Tasks, t => Assert.Equal(Build.Research, t.TeamId));
        Assert.Contains(cycle.DomainEvents, e => e is ReportingCycleOpened { Period: "2025-Q4" });
    }

    [Fact]
    public void A_task_keeps_the_definition_version_it_was_opened_under()
    {
        var cycle = OpenCycle();
        _count.Revise(Build.Spec() with { Definition = "Gewijzigd" }, Build.Now);
        Assert.Equal(1, cycle.TaskFor(_count.Id)!.DefinitionVersion);
        Assert.Throws<DomainRuleException>(() => cycle.TaskFor(_count.Id)!.Record(_count.Current, IndicatorValue.OfNumber(1), null, null, "Sanne", Build.Now));
    }

    [Fact]
    public void A_correction_is_a_new_value_and_the_earlier_one_is_kept()
    {
        var task = OpenCycle().TaskFor(_count.Id)!;
        Assert.True(task.Record(_count.Current, IndicatorValue.OfNumber(2843), null, "Eigen registratie", "Sanne", Build.Now).Succeeded);
        Assert.True(task.Record(_count.Current, IndicatorValue.OfNumber(2834), "Typefout hersteld", "Eigen registratie", "Sanne", Build.Now.AddMinutes(5)).Succeeded);
        Assert.Equal([2843m, 2834m], task.Values.Select(v => v.Value.Number!.Value));
        Assert.Equal([1, 2], task.Values.Select(v => v.Sequence));
        Assert.Equal(2834m, task.CurrentValue!.Value.Number);
    }

    [Fact]
    public void A_value_that_does_not_fit_is_refused_and_nothing_is_recorded()
    {
        var task = OpenCycle().TaskFor(_share.Id)!;
        var result = task.Record(_share.Current, IndicatorValue.OfNumber(193.9m), null, null, "Sanne", Build.Now);
        Assert.IsType<ValueDoesNotFit>(result.Error);
        Assert.Empty(task.Values);
    }

    [Fact]
    public void A_task_is_submitted_only_with_a_value_and_not_available_only_with_a_reason()
    {
        var task = OpenCycle().TaskFor(_count.Id)!;
        Assert.Throws<DomainRuleException>(() => task.EnterStatus(IndicatorTaskStatus.Submitted));
        task.Record(_count.Current, IndicatorValue.NotAvailable("Registratie wordt omgezet."), null, null, "Sanne", Build.Now);
        Assert.Throws<DomainRuleException>(() => task.EnterStatus(IndicatorTaskStatus.Submitted));
        task.EnterStatus(IndicatorTaskStatus.NotAvailable);
        Assert.Equal(IndicatorTaskStatus.NotAvailable, task.Status);
    }

    [Fact]
    public void A_cycle_is_complete_only_when_every_value_is_submitted_or_explained()
    {
        var cycle = OpenCycle();
        Assert.Throws<DomainRuleException>(() => cycle.EnterStatus(ReportingCycleStatus.Complete, Build.Now, "Systeem", "Complete", null));
        var count = cycle.TaskFor(_count.Id)!;
        count.Record(_count.Current, IndicatorValue.OfNumber(2834), null, null, "Sanne", Build.Now);
        count.EnterStatus(IndicatorTaskStatus.Submitted);
        Assert.False(cycle.AllValuesDone);
        var share = cycle.TaskFor(_share.Id)!;
        share.Record(_share.Current, IndicatorValue.NotAvailable("Nog geen cijfers."), null, null, "Sanne", Build.Now);
        share.EnterStatus(IndicatorTaskStatus.NotAvailable);
        cycle.EnterStatus(ReportingCycleStatus.Complete, Build.Now, "Systeem", "Complete", null);
        Assert.Equal(ReportingCycleStatus.Complete, cycle.Status);
    }

    [Fact]
    public void The_cycle_counts_the_values_outstanding_as_its_tasks_move()
    {
        var cycle = OpenCycle();
        Assert.Equal((2, 2), (cycle.RequiredValues, cycle.OutstandingValues));
        var count = cycle.TaskFor(_count.Id)!;
        count.Record(_count.Current, IndicatorValue.OfNumber(2834), null, null, "Sanne", Build.Now);
        count.EnterStatus(IndicatorTaskStatus.DraftSaved);
        Assert.Equal(2, cycle.OutstandingValues);
        count.EnterStatus(IndicatorTaskStatus.Submitted);
        Assert.Equal(1, cycle.OutstandingValues);
        count.EnterStatus(IndicatorTaskStatus.Returned, "Klopt niet met de monitor");
        Assert.Equal(2, cycle.OutstandingValues);
        count.EnterStatus(IndicatorTaskStatus.Submitted);
        var share = cycle.TaskFor(_share.Id)!;
        share.Record(_share.Current, IndicatorValue.NotAvailable("Nog geen cijfers."), null, null, "Sanne", Build.Now);
        share.EnterStatus(IndicatorTaskStatus.NotAvailable);
        Assert.Equal((2, 0), (cycle.RequiredValues, cycle.OutstandingValues));
        Assert.True(cycle.AllValuesDone);
    }

    [Fact]
    public void Imported_history_is_closed_with_its_values()
    {
        var motion = Build.Motion(Build.Details(indicators: [_count.Id, _share.Id]));
        var cycle = ReportingCycle.ImportHistory(motion, ReportingPeriod.FullYear(2021), Deadlines,
            [(_count.Current, IndicatorValue.OfNumber(2834), "Monitor"), (_share.Current, IndicatorValue.NotAvailable("Niet in de monitor."), null)], "Import", Build.Now);
        Assert.True(cycle.IsImported);
        Assert.Equal(ReportingCycleStatus.Closed, cycle.Status);
        Assert.Equal(IndicatorTaskStatus.NotAvailable, cycle.TaskFor(_share.Id)!.Status);
        Assert.Equal((2, 0), (cycle.RequiredValues, cycle.OutstandingValues));
    }

    [Fact]
    public void No_cycle_opens_for_a_closed_obligation()
    {
        var motion = Build.Motion(Build.Details(indicators: [_count.Id]));
        motion.EnterStatus(Domain.Obligations.ObligationStatus.Lapsed, Build.Now, "Griffie", "Ingetrokken");
        Assert.Throws<DomainRuleException>(() => ReportingCycle.Plan(motion, ReportingPeriod.Quarter(2025, 4), Deadlines, [_count.Current]));
    }
}
