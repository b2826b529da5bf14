using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Governance.Web.Features.Letters;

/// <summary>
/// A letter's Markdown text as the few kinds of block a letter has (headings, paragraphs, list items,
/// tables, footnotes), with runs of bold, italic and footnote marks. The DOCX and the PDF are written from
/// these, so both show the same text as the HTML without interpreting Markdown twice.
/// </summary>
public static class LetterBlocks
{
    /// <summary>A run of text; <c>Note</c> is set on a footnote's mark in the text (its number), which the DOCX makes a real footnote reference.</summary>
    public sealed record Run(string Text, bool Bold = false, bool Italic = false, bool Superscript = false, int? Note = null);

    public abstract record Block;

    public sealed record Heading(int Level, IReadOnlyList<Run> Runs) : Block;

    /// <summary>A paragraph; <c>Closing</c> for "Hoogachtend,", after which room is left to sign.</summary>
    public sealed record Paragraph(IReadOnlyList<Run> Runs, bool Bullet = false, bool Closing = false) : Block;

    /// <summary>A table; the first row is the header; <c>RightAligned</c> per column.</summary>
    public sealed record Table(IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned) : Block;

    public sealed record Footnote(int Number, IReadOnlyList<Run> Runs) : Block;

    /// <summary>
    /// The letter as a reader sees it, one line per block: headings and paragraphs as text (a list item after "• "),
    /// a table row's cells joined by " | ", footnote marks as superscript numbers. Letters are compared in this form,
    /// so a reviewer reads changed words rather than Markdown.
    /// </summary>
    public static string PlainText(string markdown) => string.Join("\n", Parse(markdown).SelectMany(block => block switch
    {
        Heading h => [Text(h.Runs)],
        Paragraph { Bullet: true } p => ["• " + Text(p.Runs)],
        Paragraph p => [Text(p.Runs)],
        Table t => t.Rows.Select(r => string.Join(" | ", r)),
        Footnote f => [Superscript(f.Number) + " " + Text(f.Runs)],
        _ => Enumerable.Empty<string>(),
    }));

    private static string Text(IReadOnlyList<Run> runs) => string.Concat(runs.Select(r => r.Note is { } n ? Superscript(n) : r.Text)).Replace("\n", " ", StringComparison.Ordinal);

    private static string Superscript(int number) =>
        string.Concat(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d - '0']));

    public static IReadOnlyList<Block> Parse(string markdown)
    {
        var blocks = new List<Block>();
        var footnotes = new List<Block>();
        foreach (var block in LetterMarkdown.Parse(markdown))
        {
            Add(block, blocks, footnotes);
        }

        return [.. blocks, .. footnotes];
    }

    private static void Add(Markdig.Syntax.Block block, List<Block> blocks, List<Block> footnotes)
    {
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(new Heading(heading.Level, Runs(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                blocks.Add(new Paragraph(Runs(paragraph.Inline), Closing: LetterMarkdown.IsClosing(paragraph)));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    foreach (var paragraph in item.OfType<ParagraphBlock>())
                    {
                        blocks.Add(new Paragraph(Runs(paragraph.Inline), Bullet: true));
                    }
                }

                break;
            case Markdig.Extensions.Tables.Table table:
                var rows = table.OfType<TableRow>()
                    .Select(r => (IReadOnlyList<string>)[.. r.OfType<TableCell>().Select(c => string.Concat(c.OfType<ParagraphBlock>().SelectMany(p => Runs(p.Inline)).Select(x => x.Text)))])
                    .ToList();
                blocks.Add(new Table(rows, [.. table.ColumnDefinitions.Take(rows.Max(r => r.Count)).Select(d => d.Alignment == TableColumnAlign.Right)]));
                break;
            case FootnoteGroup group:
                foreach (var note in group.OfType<Markdig.Extensions.Footnotes.Footnote>())
                {
                    footnotes.Add(new Footnote(note.Order, [.. note.OfType<ParagraphBlock>().SelectMany(p => Runs(p.Inline))]));
                }

                break;
            case QuoteBlock quote:
                foreach (var inner in quote)
                {
                    Add(inner, blocks, footnotes);
                }

                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                blocks.Add(new Paragraph([new Run(leaf.Lines.ToString())]));
                break;
        }
    }

    private static List<Run> Runs(ContainerInline? container, bool bold = false, bool italic = false)
    {
        var runs = new List<Run>();
        if (container is null)
        {
            return runs;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new Run(literal.Content.ToString(), bold, italic));
                    break;
                case EmphasisInline emphasis:
                    runs.AddRange(Runs(emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1));
                    break;
                case LineBreakInline:
                    runs.Add(new Run("\n", bold, italic));
                    break;
                case FootnoteLink { IsBackLink: false } link:
                    runs.Add(new Run(link.Footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), bold, italic, Superscript: true, Note: link.Footnote.Order));
                    break;
                case CodeInline code:
                    runs.Add(new Run(code.Content, bold, italic));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new Run(entity.Transcoded.ToString(), bold, italic));
                    break;
                case ContainerInline inner:
                    runs.AddRange(Runs(inner, bold, italic));
                    break;
            }
        }

        return Merge(runs);
    }

    private static List<Run> Merge(List<Run> runs)
    {
        var merged = new List<Run>();
        var text = new StringBuilder();
        Run? style = null;
        foreach (var run in runs)
        {
            if (style is not null && (style.Bold != run.Bold || style.Italic != run.Italic || style.Superscript != run.Superscript || style.Note is not null || run.Note is not null))
            {
                merged.Add(style with { Text = text.ToString() });
                text.Clear();
            }

            style = run;
            text.Append(run.Text);
        }

        if (style is not null)
        {
            merged.Add(style with { Text = text.ToString() });
        }

        return merged;
    }
}
