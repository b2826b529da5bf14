namespace Governance.Workflows;

/// <summary>Small helpers for the Stateless DOT graphs shown on the admin and cycle pages.</summary>
public static class WorkflowGraph
{
    /// <summary>Fills the node of the current state, so a reader sees where the instance stands.</summary>
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
}
