using System.Globalization;
using Governance.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Governance.Web.Features.Letters;

/// <summary>
/// A small flow layout on A4 pages for letters: wrapped runs of text, tables and charts, a new page when the next piece
/// does not fit. With the number of pages known (from a first pass) the layout is tagged for accessibility (PDF/UA): every
/// piece is drawn inside its structure element (headings, paragraphs, lists, tables with header cells, figures with their
/// alternative text), page numbers and borders are artifacts, and headings become bookmarks.
/// </summary>
internal sealed class PdfLayout
{
    private const double Margin = 64, Top = 60, Bottom = 64, Padding = 3;
    private readonly Dictionary<(double, bool, bool), XFont> _fonts = [];
    private readonly PdfDocument _document;
    private readonly StructureBuilder? _structure;
    private readonly int? _pages;
    private readonly string? _mark;
    private PdfPage? _page;
    private XGraphics? _graphics;
    private double _y;

    /// <param name="document">The document to lay out on.</param>
    /// <param name="pages">The number of pages, known from an untagged first pass: the layout is then tagged and numbers its pages as it goes.</param>
    /// <param name="mark">A draft's mark at the head of each page.</param>
    public PdfLayout(PdfDocument document, int? pages = null, string? mark = null)
    {
        _document = document;
        _pages = pages;
        _mark = mark;
        if (pages is not null)
        {
            var accessibility = UAManager.ForDocument(document);
            accessibility.SetDocumentLanguage("nl-NL");
            _structure = accessibility.StructureBuilder;
        }
    }

    public int PageCount => _document.PageCount;

    private static double PageWidth => XUnit.FromMillimeter(210).Point;

    private static double PageHeight => XUnit.FromMillimeter(297).Point;

    private static double ContentWidth => PageWidth - 2 * Margin;

    private XGraphics Graphics => _graphics ?? NewPage();

    public XGraphics NewPage()
    {
        // The page is added while the last one's graphics are still open: a tagged layout closes its marked content there.
        _page = _document.AddPage();
        _graphics?.Dispose();
        _page.Width = XUnit.FromPoint(PageWidth);
        _page.Height = XUnit.FromPoint(PageHeight);
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Top;
        if (_pages is { } pages)
        {
            Artifact(() => PageFurniture(_graphics, _document.PageCount, pages, _mark));
        }

        return _graphics;
    }

    /// <summary>Draws inside a structure element (tagged layouts only); dispose to close it.</summary>
    public IDisposable Tag(PdfBlockLevelElementTag tag)
    {
        _ = Graphics;
        _structure?.BeginElement(tag);
        return new Closing(_structure);
    }

    /// <summary>A bookmark to where the next piece starts.</summary>
    public void Bookmark(string title)
    {
        if (_structure is null)
        {
            return;
        }

        _ = Graphics;
        var outline = _document.Outlines.Add(PrintableText.Of(title), _page!, true);
        outline.PageDestinationType = PdfPageDestinationType.Xyz;
        outline.Top = _y;
    }

    /// <summary>Drawing that is not content (borders, page numbers): an artifact, which assistive technology skips.</summary>
    private void Artifact(Action draw)
    {
        _structure?.BeginArtifact();
        draw();
        _structure?.End();
    }

    private sealed class Closing(StructureBuilder? structure) : IDisposable
    {
        public void Dispose() => structure?.End();
    }

    public void Space(double points) => _y += points;

    /// <summary>Starts a new page unless the next <paramref name="height"/> points fit on this one.</summary>
    public void KeepTogether(double height) => Reserve(height);

    /// <summary>The municipality's logo, left-aligned at its shown size.</summary>
    public void Logo(LetterLogo logo, string description)
    {
        var (width, height) = logo.Size(ContentWidth);
        Reserve(height);
        using var image = XImage.FromStream(new MemoryStream(logo.Image));
        _structure?.BeginElement(PdfIllustrationElementTag.Figure, description, new XRect(Margin, _y, width, height));
        Graphics.DrawImage(image, Margin, _y, width, height);
        _structure?.End();
        _y += height;
    }

    public static double ChartHeight => LetterChart.Height * ContentWidth / LetterChart.Width;

    public void Text(IReadOnlyList<LetterBlocks.Run> runs, double size, bool bold = false, bool bullet = false, bool keepWithNext = false, XColor? colour = null)
    {
        var indent = bullet ? 16 : 0;
        var lines = Wrap(runs, size, bold, ContentWidth - indent);
        var lineHeight = size * 1.4;
        Reserve(lineHeight * (keepWithNext ? Math.Min(lines.Count, 1) + 3 : 1));
        var brush = new XSolidBrush(colour ?? XColors.Black);
        if (bullet)
        {
            // A list item: its label (the bullet) and its body, each tagged as such.
            _structure?.BeginElement(PdfBlockLevelElementTag.Label);
            Graphics.DrawString("•", Font(size, false, false), brush, Margin + 4, _y + size);
            _structure?.End();
            _structure?.BeginElement(PdfBlockLevelElementTag.ListBody);
        }

        foreach (var line in lines)
        {
            Reserve(lineHeight);
            var x = Margin + indent;
            foreach (var (piece, font, superscript) in line)
            {
                var text = PrintableText.Of(piece);
                Graphics.DrawString(text, font, brush, x, _y + size - (superscript ? size * 0.35 : 0));
                x += Graphics.MeasureString(text, font).Width;
            }

            _y += lineHeight;
        }

        if (bullet)
        {
            _structure?.End();
        }
    }

    /// <summary>
    /// A table: with <paramref name="headerRow"/> its first row holds the column headers, else (a header block of labels and
    /// values) the first column holds the row headers.
    /// </summary>
    public void Table(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> rightAligned, bool headerRow, bool borders)
    {
        const double size = 9.5;
        var columns = rows.Max(r => r.Count);
        var natural = Enumerable.Range(0, columns)
            .Select(c => rows.Max(r => c < r.Count ? Graphics.MeasureString(r[c], Font(size, true, false)).Width : 0) + 2 * Padding + 2).ToArray();
        var widths = natural.Sum() <= ContentWidth ? natural : Shrink(natural);
        var pen = new XPen(XColor.FromArgb(158, 158, 158), 0.6);
        using var table = Tag(PdfBlockLevelElementTag.Table);
        for (var r = 0; r < rows.Count; r++)
        {
            var bold = headerRow && r == 0;
            var cells = Enumerable.Range(0, columns)
                .Select(c => Wrap([new LetterBlocks.Run(c < rows[r].Count ? rows[r][c] : "", Bold: bold || (!borders && c == 0))], size, false, widths[c] - 2 * Padding)).ToList();
            var height = cells.Max(l => l.Count) * size * 1.35 + 2 * Padding;
            Reserve(height);
            using var row = Tag(PdfBlockLevelElementTag.TableRow);
            var x = Margin;
            for (var c = 0; c < columns; c++)
            {
                if (borders)
                {
                    var (left, top, width) = (x, _y, widths[c]);
                    Artifact(() => Graphics.DrawRectangle(pen, left, top, width, height));
                }

                using var cell = Tag((headerRow && r == 0) || (!headerRow && c == 0) ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                var lineY = _y + Padding + size;
                foreach (var line in cells[c])
                {
                    var text = PrintableText.Of(string.Concat(line.Select(p => p.Text)));
                    var font = line.Count > 0 ? line[0].Font : Font(size, false, false);
                    var width = Graphics.MeasureString(text, font).Width;
                    var textX = c < rightAligned.Count && rightAligned[c] ? x + widths[c] - Padding - width : x + Padding;
                    Graphics.DrawString(text, font, !borders && c == 0 ? XBrushes.DimGray : XBrushes.Black, textX, lineY);
                    lineY += size * 1.35;
                }

                x += widths[c];
            }

            _y += height;
        }
    }

    public void Chart(LetterChart chart)
    {
        var scale = ContentWidth / LetterChart.Width;
        Reserve(LetterChart.Height * scale + 6);
        var g = Graphics;
        _structure?.BeginElement(PdfIllustrationElementTag.Figure, chart.Summary, new XRect(Margin, _y, ContentWidth, LetterChart.Height * scale));
        var state = g.Save();
        g.TranslateTransform(Margin, _y);
        g.ScaleTransform(scale);
        var small = Font(8.5 / scale * 0.9, false, false);
        foreach (var grid in chart.GridLines)
        {
            g.DrawLine(new XPen(Colour(LetterChart.GridColour), 0.8), chart.PlotLeft, grid.Y, chart.PlotRight, grid.Y);
            var w = g.MeasureString(grid.Label, small).Width;
            g.DrawString(grid.Label, small, new XSolidBrush(Colour(LetterChart.TextColour)), chart.PlotLeft - 6 - w, grid.Y + 4);
        }

        foreach (var line in chart.ReferenceLines)
        {
            g.DrawLine(new XPen(Colour(line.Colour), 1.5) { DashPattern = [.. line.Dash.Select(d => d / 1.5)] }, chart.PlotLeft, line.Y, chart.PlotRight, line.Y);
            var w = g.MeasureString(line.Label, small).Width;
            g.DrawString(line.Label, small, new XSolidBrush(Colour(line.Colour)), chart.PlotRight - w, line.Y - 4);
        }

        if (chart.UnitLabel is { } unit)
        {
            g.DrawString(unit, small, new XSolidBrush(Colour(LetterChart.TextColour)), 4, chart.PlotTop - 12);
        }

        foreach (var segment in chart.Segments)
        {
            g.DrawLine(new XPen(Colour(segment.Colour), 1.5) { DashPattern = [.. segment.Dash.Select(d => d / 1.5)] }, segment.X1, segment.Y1, segment.X2, segment.Y2);
        }

        foreach (var mark in chart.Marks)
        {
            g.DrawEllipse(new XPen(Colour(mark.Colour), 2), XBrushes.White, mark.X - 4.5, mark.Y - 4.5, 9, 9);
            var w = g.MeasureString(mark.Label, small).Width;
            g.DrawString(mark.Label, small, new XSolidBrush(Colour(mark.Colour)), mark.X < (chart.PlotLeft + chart.PlotRight) / 2 ? mark.X : mark.X - w, mark.Y - 8);
        }

        var blue = Colour(LetterChart.LineColour);
        foreach (var run in chart.Lines.Where(r => r.Count > 1))
        {
            g.DrawLines(new XPen(blue, 2), [.. run.Select(p => new XPoint(p.X, p.Y))]);
        }

        foreach (var point in chart.Points.Where(p => p.Y is not null))
        {
            g.DrawEllipse(new XSolidBrush(blue), point.X - 3.5, point.Y!.Value - 3.5, 7, 7);
        }

        foreach (var point in chart.Points.Where(p => p.Labelled))
        {
            var w = g.MeasureString(point.Label, small).Width;
            g.DrawString(point.Label, small, new XSolidBrush(Colour(LetterChart.TextColour)), point.X - w / 2, chart.LabelBaseline);
        }

        g.Restore(state);
        _structure?.End();
        _y += LetterChart.Height * scale + 6;
    }

    /// <summary>Ends the last page's drawing.</summary>
    public void Finish()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    /// <summary>"Pagina 1 van 3" at the foot of the page; a draft's mark at its head.</summary>
    private void PageFurniture(XGraphics g, int page, int pages, string? mark)
    {
        var font = Font(8, false, false);
        var text = string.Create(CultureInfo.InvariantCulture, $"Pagina {page} van {pages}");
        g.DrawString(text, font, XBrushes.DimGray, PageWidth - Margin - g.MeasureString(text, font).Width, PageHeight - Bottom / 2);
        if (mark is not null)
        {
            var markFont = Font(12, true, false);
            g.DrawString(mark, markFont, new XSolidBrush(XColor.FromArgb(0xA4, 0x26, 0x2C)), PageWidth - Margin - g.MeasureString(mark, markFont).Width, Top / 2);
        }
    }

    private void Reserve(double height)
    {
        _ = Graphics;
        if (_y + height > PageHeight - Bottom && _y > Top)
        {
            NewPage();
        }
    }

    private List<List<(string Text, XFont Font, bool Superscript)>> Wrap(IReadOnlyList<LetterBlocks.Run> runs, double size, bool bold, double width)
    {
        var lines = new List<List<(string, XFont, bool)>> { new() };
        var x = 0d;
        foreach (var run in runs)
        {
            var font = Font(run.Superscript ? size * 0.65 : size, bold || run.Bold, run.Italic);
            foreach (var piece in Pieces(run.Text))
            {
                if (piece == "\n")
                {
                    lines.Add([]);
                    x = 0;
                    continue;
                }

                var w = Graphics.MeasureString(piece, font).Width;
                if (x + w > width && x > 0 && !string.IsNullOrWhiteSpace(piece))
                {
                    lines.Add([]);
                    x = 0;
                }

                if (x == 0 && string.IsNullOrWhiteSpace(piece))
                {
                    continue;
                }

                lines[^1].Add((piece, font, run.Superscript));
                x += w;
            }
        }

        return lines;
    }

    /// <summary>Words and the spaces between them, and line breaks as their own piece.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '\n')
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                yield return text[i].ToString();
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static double[] Shrink(double[] natural)
    {
        var total = natural.Sum();
        return [.. natural.Select(w => w / total * ContentWidth)];
    }

    private XFont Font(double size, bool bold, bool italic)
    {
        if (!_fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(LetterFonts.Family, size, style);
            _fonts[(size, bold, italic)] = font;
        }

        return font;
    }

    private static XColor Colour(string hex) =>
        XColor.FromArgb(int.Parse(hex[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(hex[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
