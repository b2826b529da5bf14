using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using S = Governance.Domain.ReportingCycles.ReportingCycleStatus;
using T = Governance.Workflows.ReportingCycles.ReportingCycleWorkflow.Trigger;

namespace Governance.Workflows.Tests.ReportingCycles;

public class ReportingCycleWorkflowTests
{
    private static readonly Dictionary<(S, T), S> Allowed = new()
    {
        [(S.Scheduled, T.Open)] = S.Open,
        [(S.Open, T.StartCollecting)] = S.Collecting,
        [(S.Open, T.Complete)] = S.Complete,
        [(S.Collecting, T.Complete)] = S.Complete,
        [(S.Complete, T.StartDrafting)] = S.Drafting,
        [(S.Complete, T.ReturnValue)] = S.Collecting,
        [(S.Drafting, T.SubmitForApproval)] = S.InApproval,
        [(S.Drafting, T.ReturnValue)] = S.Collecting,
        [(S.InApproval, T.SendBack)] = S.SentBack,
        [(S.InApproval, T.Approve)] = S.Approved,
        [(S.SentBack, T.StartDrafting)] = S.Drafting,
        [(S.SentBack, T.ReturnValue)] = S.Collecting,
        [(S.Approved, T.Send)] = S.Sent,
        [(S.Sent, T.Close)] = S.Closed,
    };

    /// <summary>Every (state, trigger) pair with every guard met: where it leads, or null when the flow refuses it.</summary>
    public static TheoryData<S, T, S?> Transitions()
    {
        var data = new TheoryData<S, T, S?>();
        foreach (var status in Enum.GetValues<S>())
        {
            foreach (var trigger in Enum.GetValues<T>())
            {
                S? to = Allowed.TryGetValue((status, trigger), out var target) ? target
                    : trigger == T.Cancel && status is not (S.Sent or S.Closed or S.Cancelled) ? S.Cancelled
                    : null;
                data.Add(status, trigger, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_transition_is_permitted_to_its_target_or_refused_without_change(S from, T trigger, S? to)
    {
        var cycle = Cycles.InStatus(from);
        if (!cycle.AllValuesDone)
        {
            Cycles.SupplyAllValues(cycle);
        }

        var journal = cycle.Journal.Count;
        var result = new ReportingCycleWorkflow(cycle, Cycles.Now, "Anouk Janssen", () => true).Fire(trigger, "Met reden");
        if (to is { } expected)
        {
            Assert.True(result.Succeeded, result.Error?.Message);
            Assert.Equal(expected, cycle.Status);
            var entry = cycle.Journal[^1];
            Assert.Equal((from, expected, trigger.ToString(), "Anouk Janssen"), (entry.From, entry.To, entry.Trigger, entry.Actor));
        }
        else
        {
            Assert.IsType<CycleTransitionRefused>(result.Error);
            Assert.Equal(from, cycle.Status);
            Assert.Equal(journal, cycle.Journal.Count);
        }
    }

    [Fact]
    public void No_completion_or_drafting_while_a_required_value_is_neither_submitted_nor_explained()
    {
        var cycle = Cycles.InStatus(S.Collecting);
        var workflow = new ReportingCycleWorkflow(cycle, Cycles.Now, "Systeem");
        var result = workflow.Fire(T.Complete);
        var refused = Assert.IsType<CycleTransitionRefused>(result.Error);
        Assert.Contains("elke verplichte waarde ingediend of verklaard", refused.UnmetConditions);
        Assert.Equal("'compleet maken' kan niet: de rapportage staat op 'cijfers verzamelen'; nodig: elke verplichte waarde ingediend of verklaard.", refused.Message);
        Assert.Equal(S.Collecting, cycle.Status);

        Cycles.SupplyAllValues(cycle);
        Assert.True(workflow.Fire(T.Complete).Succeeded);
    }

    [Fact]
    public void No_approval_and_no_sending_before_every_required_approval()
    {
        var inApproval = Cycles.InStatus(S.InApproval);
        Assert.False(new ReportingCycleWorkflow(inApproval, Cycles.Now, "Systeem", () => false).Fire(T.Approve).Succeeded);
        var approved = Cycles.InStatus(S.Approved);
        var refused = new ReportingCycleWorkflow(approved, Cycles.Now, "Griffie", () => false).Fire(T.Send);
        Assert.Contains("alle vereiste goedkeuringen binnen", Assert.IsType<CycleTransitionRefused>(refused.Error).UnmetConditions);
        Assert.Equal(S.Approved, approved.Status);
    }

    [Theory]
    [InlineData(S.InApproval, T.SendBack)]
    [InlineData(S.Open, T.Cancel)]
    [InlineData(S.Complete, T.ReturnValue)]
    public void Sending_back_cancelling_and_returning_need_a_reason(S from, T trigger)
    {
        var cycle = Cycles.InStatus(from);
        Assert.False(new ReportingCycleWorkflow(cycle, Cycles.Now, "Wethouder", () => true).Fire(trigger, " ").Succeeded);
        Assert.Equal(from, cycle.Status);
    }

    [Fact]
    public void A_sent_back_letter_returns_to_drafting_with_the_comment_in_the_journal()
    {
        var cycle = Cycles.InStatus(S.InApproval);
        var workflow = new ReportingCycleWorkflow(cycle, Cycles.Now, "Jeroen Hoenderkamp");
        Assert.True(workflow.Fire(T.SendBack, "Graag de vergelijking met 2020 toevoegen.").Succeeded);
        Assert.True(workflow.Fire(T.StartDrafting).Succeeded);
        Assert.Equal(S.Drafting, cycle.Status);
        Assert.Contains(cycle.Journal, j => j.To == S.SentBack && j.Reason == "Graag de vergelijking met 2020 toevoegen.");
    }

    [Fact]
    public void The_permitted_triples_match_the_table() =>
        Assert.Equal(
            Allowed.Select(a => (a.Key.Item1, a.Key.Item2, a.Value))
                .Concat(Enum.GetValues<S>().Where(s => s is not (S.Sent or S.Closed or S.Cancelled)).Select(s => (s, T.Cancel, S.Cancelled)))
                .OrderBy(t => t.ToString()),
            ReportingCycleWorkflow.Transitions().OrderBy(t => t.ToString()));

    [Fact]
    public void The_graph_highlights_the_current_state()
    {
        var graph = ReportingCycleWorkflow.DotGraph(S.Drafting);
        Assert.All(Enum.GetNames<S>(), name => Assert.Contains(name, graph));
        Assert.Contains("\"Drafting\" [style=filled", graph);
    }
}
