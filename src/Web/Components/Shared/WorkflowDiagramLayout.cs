using System.Globalization;
using Governance.Workflows;

namespace Governance.Web.Components.Shared;

/// <summary>
/// Places a workflow's states in columns by how far they are from the start (breadth first) and draws
/// each transition as a curve: forward ones between columns, backward ones arching below.
/// </summary>
internal sealed record DiagramLayout(IReadOnlyList<DiagramLayout.Node> Nodes, IReadOnlyList<DiagramLayout.Line> Edges, IReadOnlyList<DiagramLayout.Fold> Folded, int Width, int Height)
{
    public const int NodeWidth = 140;
    public const int NodeHeight = 40;
    private const int ColumnGap = 170; // room for a step's name between two states ("ter goedkeuring aanbieden")
    private const int RowGap = 70;
    private const int Margin = 30;

    public static DiagramLayout Empty { get; } = new([], [], [], 0, 0);

    /// <summary>A step from many states into a final one (cancelling, lapsing): said in words instead of drawn many times.</summary>
    public sealed record Fold(string Trigger, string To, IReadOnlyList<string> From);

    public sealed record Node(string State, int X, int Y);

    public sealed record Line(WorkflowEdge Edge, string Path, double LabelX, double LabelY);

    public static DiagramLayout Of(WorkflowDiagram diagram)
    {
        var terminal = diagram.States.Where(s => diagram.Edges.All(e => e.From != s)).ToHashSet();
        var folded = diagram.Edges.GroupBy(e => (e.Trigger, e.To)).Where(g => g.Count() >= 3 && terminal.Contains(g.Key.To))
            .Select(g => new Fold(g.Key.Trigger, g.Key.To, [.. g.Select(e => e.From)])).ToList();
        var drawn = diagram.Edges.Where(e => !folded.Any(f => f.Trigger == e.Trigger && f.To == e.To)).ToList();
        var rank = new Dictionary<string, int> { [diagram.Initial] = 0 };
        var queue = new Queue<string>([diagram.Initial]);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var next in drawn.Where(e => e.From == state).Select(e => e.To).Where(t => !rank.ContainsKey(t)))
            {
                rank[next] = rank[state] + 1;
                queue.Enqueue(next);
            }
        }

        var unreached = diagram.States.Where(s => !rank.ContainsKey(s)).ToList();
        var lastRank = rank.Count == 0 ? 0 : rank.Values.Max() + 1;
        unreached.ForEach(s => rank[s] = lastRank);

        var nodes = diagram.States
            .GroupBy(s => rank[s])
            .OrderBy(g => g.Key)
            .SelectMany(g => g.Select((state, row) => new Node(state, Margin + (g.Key * (NodeWidth + ColumnGap)), Margin + 20 + (row * (NodeHeight + RowGap)))))
            .ToDictionary(n => n.State);
        var width = nodes.Values.Max(n => n.X) + NodeWidth + Margin;
        var bottom = nodes.Values.Max(n => n.Y) + NodeHeight;
        var lines = drawn.Select((edge, i) => Draw(edge, nodes[edge.From], nodes[edge.To], rank, bottom, i)).ToList();
        var height = (int)Math.Ceiling(Math.Max(bottom + Margin, lines.Count == 0 ? 0 : lines.Max(l => l.LabelY) + Margin));
        return new DiagramLayout([.. nodes.Values], lines, folded, width, height);
    }

    private static Line Draw(WorkflowEdge edge, Node from, Node to, Dictionary<string, int> rank, int bottom, int index)
    {
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        if (from == to)
        {
            var x = from.X + (NodeWidth / 2.0);
            var y = from.Y;
            return new Line(edge, $"M {F(x - 20)} {F(y)} C {F(x - 30)} {F(y - 35)}, {F(x + 30)} {F(y - 35)}, {F(x + 20)} {F(y)}", x, y - 30);
        }

        if (rank[edge.To] > rank[edge.From])
        {
            double x1 = from.X + NodeWidth, y1 = from.Y + (NodeHeight / 2.0), x2 = to.X, y2 = to.Y + (NodeHeight / 2.0);
            var mid = (x1 + x2) / 2;
            return new Line(edge, $"M {F(x1)} {F(y1)} C {F(mid)} {F(y1)}, {F(mid)} {F(y2)}, {F(x2)} {F(y2)}", mid, ((y1 + y2) / 2) - 4);
        }

        // Backward (or within a column): arch below everything, deeper for each such edge so they stay apart.
        double bx1 = from.X + (NodeWidth / 2.0) + 10, by1 = from.Y + NodeHeight, bx2 = to.X + (NodeWidth / 2.0) - 10, by2 = to.Y + NodeHeight;
        var depth = bottom + 30 + ((index % 6) * 18);
        return new Line(edge, $"M {F(bx1)} {F(by1)} C {F(bx1)} {F(depth)}, {F(bx2)} {F(depth)}, {F(bx2)} {F(by2)}", (bx1 + bx2) / 2, depth - 4);
    }
}
