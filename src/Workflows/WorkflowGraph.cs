using Stateless.Reflection;

namespace Governance.Workflows;

/// <summary>A workflow as data for pictures and tables: its states and its permitted transitions with their guards.</summary>
public sealed record WorkflowDiagram(string Name, string Initial, IReadOnlyList<string> States, IReadOnlyList<WorkflowEdge> Edges);

public sealed record WorkflowEdge(string From, string Trigger, string To, IReadOnlyList<string> Guards);

/// <summary>Small helpers for the Stateless graphs shown on the admin and cycle pages.</summary>
public static class WorkflowGraph
{
    /// <summary>The guard every "with a reason" step shares, in Dutch: guards are named as a refusal says them.</summary>
    public const string ReasonGiven = "met een reden";

    /// <summary>Fills the node of the current state in a DOT graph, so a reader sees where the instance stands.</summary>
    public static string Highlight(string dot, string? state)
    {
        if (state is null)
        {
            return dot;
        }

        var closing = dot.LastIndexOf('}');
        return closing < 0
            ? dot
            : dot[..closing] + $" \"{state}\" [style=filled, fillcolor=\"#154273\", fontcolor=white];\n}}";
    }

    /// <summary>The named guards that stop a trigger in a state, to say why a step is refused.</summary>
    public static IReadOnlyList<string> UnmetGuards(StateMachineInfo info, object state, object trigger) =>
        [.. info.States.Single(s => Equals(s.UnderlyingState, state))
            .Transitions.Where(t => Equals(t.Trigger.UnderlyingTrigger, trigger))
            .SelectMany(t => t.GuardConditionsMethodDescriptions.Select(g => g.Description))];

    public static WorkflowDiagram Diagram(string name, StateMachineInfo info, string initial) => new(
        name,
        initial,
        [.. info.States.Select(s => s.UnderlyingState.ToString()!)],
        [.. info.States.SelectMany(s => s.FixedTransitions.Select(t => new WorkflowEdge(
            s.UnderlyingState.ToString()!,
            t.Trigger.UnderlyingTrigger.ToString()!,
            t.DestinationState.UnderlyingState.ToString()!,
            [.. t.GuardConditionsMethodDescriptions.Select(g => g.Description)])))]);
}
