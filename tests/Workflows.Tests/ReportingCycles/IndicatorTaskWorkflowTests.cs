using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using S = Governance.Domain.ReportingCycles.IndicatorTaskStatus;
using T = Governance.Workflows.ReportingCycles.IndicatorTaskWorkflow.Trigger;

namespace Governance.Workflows.Tests.ReportingCycles;

public class IndicatorTaskWorkflowTests
{
    private static readonly Dictionary<(S, T, bool), S> Allowed = new()
    {
        // (from, trigger, value recorded as "not available"?) → to
        [(S.Open, T.SaveDraft, false)] = S.DraftSaved,
        [(S.Open, T.Submit, false)] = S.Submitted,
        [(S.Open, T.MarkNotAvailable, true)] = S.NotAvailable,
        [(S.DraftSaved, T.SaveDraft, false)] = S.DraftSaved,
        [(S.DraftSaved, T.Submit, false)] = S.Submitted,
        [(S.DraftSaved, T.MarkNotAvailable, true)] = S.NotAvailable,
        [(S.Returned, T.SaveDraft, false)] = S.DraftSaved,
        [(S.Returned, T.Submit, false)] = S.Submitted,
        [(S.Returned, T.MarkNotAvailable, true)] = S.NotAvailable,
        [(S.Submitted, T.Submit, false)] = S.Submitted,
        [(S.Submitted, T.MarkNotAvailable, true)] = S.NotAvailable,
        [(S.NotAvailable, T.Submit, false)] = S.Submitted,
        [(S.NotAvailable, T.MarkNotAvailable, true)] = S.NotAvailable,
        [(S.Submitted, T.Return, false)] = S.Returned,
        [(S.Submitted, T.Return, true)] = S.Returned,
        [(S.NotAvailable, T.Return, false)] = S.Returned,
        [(S.NotAvailable, T.Return, true)] = S.Returned,
    };

    /// <summary>Every state × trigger × kind of recorded value (a figure, or "not available").</summary>
    public static TheoryData<S, T, bool, S?> Transitions()
    {
        var data = new TheoryData<S, T, bool, S?>();
        foreach (var status in Enum.GetValues<S>())
        {
            foreach (var trigger in Enum.GetValues<T>())
            {
                foreach (var notAvailable in new[] { false, true })
                {
                    data.Add(status, trigger, notAvailable, Allowed.TryGetValue((status, trigger, notAvailable), out var to) ? to : null);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_transition_is_permitted_to_its_target_or_refused_without_change(S from, T trigger, bool notAvailable, S? to)
    {
        var task = TaskIn(from, notAvailable);
        var result = new IndicatorTaskWorkflow(task).Fire(trigger, "Klopt niet met de monitor");
        if (to is { } expected)
        {
            Assert.True(result.Succeeded, result.Error?.Message);
            Assert.Equal(expected, task.Status);
        }
        else
        {
            Assert.IsType<TaskTransitionRefused>(result.Error);
            Assert.Equal(from, task.Status);
        }
    }

    [Fact]
    public void Nothing_is_submitted_without_a_value()
    {
        var task = Cycles.Planned().TaskFor(Cycles.Count.Id)!;
        var refused = Assert.IsType<TaskTransitionRefused>(new IndicatorTaskWorkflow(task).Fire(T.Submit).Error);
        Assert.Equal("'indienen' kan niet: de waarde staat op 'open'; nodig: er is een waarde vastgelegd.", refused.Message);
    }

    [Fact]
    public void Returning_needs_a_comment_which_the_task_keeps_until_it_is_submitted_again()
    {
        var task = TaskIn(S.Submitted, notAvailable: false);
        var workflow = new IndicatorTaskWorkflow(task);
        Assert.False(workflow.Fire(T.Return, "").Succeeded);
        Assert.True(workflow.Fire(T.Return, "Het aantal wijkt sterk af; graag toelichten.").Succeeded);
        Assert.Equal("Het aantal wijkt sterk af; graag toelichten.", task.ReturnReason);
        task.Record(Cycles.Count.Current, IndicatorValue.OfNumber(2834), "Herindicaties meegeteld", "Monitor", "Sanne", Cycles.Now);
        Assert.True(workflow.Fire(T.Submit).Succeeded);
        Assert.Null(task.ReturnReason);
    }

    private static IndicatorTask TaskIn(S status, bool notAvailable)
    {
        var task = Cycles.Planned().TaskFor(Cycles.Count.Id)!;
        var value = notAvailable ? IndicatorValue.NotAvailable("Registratie wordt omgezet.") : IndicatorValue.OfNumber(2834);
        var recorded = task.Record(Cycles.Count.Current, value, null, null, "Sanne", Cycles.Now);
        Assert.True(recorded.Succeeded);
        switch (status)
        {
            case S.Open:
                break;
            case S.DraftSaved:
                task.EnterStatus(S.DraftSaved);
                break;
            case S.Submitted:
                task.Record(Cycles.Count.Current, IndicatorValue.OfNumber(2834), null, null, "Sanne", Cycles.Now);
                task.EnterStatus(S.Submitted);
                task.Record(Cycles.Count.Current, value, null, null, "Sanne", Cycles.Now);
                break;
            case S.NotAvailable:
                task.Record(Cycles.Count.Current, IndicatorValue.NotAvailable("Nog niet beschikbaar."), null, null, "Sanne", Cycles.Now);
                task.EnterStatus(S.NotAvailable);
                task.Record(Cycles.Count.Current, value, null, null, "Sanne", Cycles.Now);
                break;
            case S.Returned:
                task.Record(Cycles.Count.Current, IndicatorValue.OfNumber(2834), null, null, "Sanne", Cycles.Now);
                task.EnterStatus(S.Submitted);
                task.EnterStatus(S.Returned, "Graag controleren.");
                task.Record(Cycles.Count.Current, value, null, null, "Sanne", Cycles.Now);
                break;
        }

        return task;
    }
}
