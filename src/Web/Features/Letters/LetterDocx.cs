using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Governance.Domain.Letters;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Governance.Web.Components.Shared;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The letter as a Word document (Open XML): styles with real headings, the header as a table, the text,
/// bulleted lists and tables, the sources, and an appendix with each chart as an image (its text alternative
/// set) followed by the same figures as a table. Written from a stored version only, so it is reproducible.
/// </summary>
public static class LetterDocx
{
    private const long EmuPerPixel = 9525, EmuPerPoint = 12700;

    /// <summary>The text width of the page: A4 (11906 twips) less both margins (1418 twips each), in points.</summary>
    private const double ContentWidthPoints = (11906 - 2 * 1418) / 20.0;

    public static byte[] Create(LetterVersion version, LetterHtml.Header header)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = PrintableText.Of(version.Subject);
            document.PackageProperties.Creator = $"Gemeente {header.Municipality}";
            document.PackageProperties.Language = "nl-NL";
            var main = document.AddMainDocumentPart();
            LetterDocxStyles.Add(main);
            var body = new Body();
            main.Document = new Document(body);

            var charted = LetterHtml.Model(version)?.Items.Where(LetterChart.Charts).ToList() ?? [];
            if (LetterLogo.Of(header) is { } logo)
            {
                var (width, height) = logo.Size(ContentWidthPoints);
                body.Append(Image(main, logo.Image, logo.Type == "image/png" ? ImagePartType.Png : ImagePartType.Jpeg,
                    (long)(width * EmuPerPoint), (long)(height * EmuPerPoint), (uint)charted.Count + 1, "Logo", LetterLogo.Description(header.Municipality)));
            }

            body.Append(Paragraph($"Gemeente {header.Municipality} · Raadsinformatiebrief", "Subtitle"));
            body.Append(HeaderTable(version, header));
            body.Append(Paragraph(version.Subject, "Title"));
            var blocks = LetterBlocks.Parse(version.Body);
            var notes = blocks.OfType<LetterBlocks.Footnote>().ToList();
            if (notes.Count > 0)
            {
                AddFootnotes(main, notes);
            }

            foreach (var block in blocks.Where(b => b is not LetterBlocks.Footnote))
            {
                body.Append(Block(block));
            }

            if (charted.Count > 0)
            {
                body.Append(Paragraph("Bijlage: de cijfers in beeld", "Heading1", pageBreakBefore: true));
                var id = 1U;
                foreach (var item in charted)
                {
                    var chart = new LetterChart(item);
                    body.Append(Paragraph(item.Name, "Heading3"));
                    body.Append(Image(main, LetterChartImage.Png(chart), ImagePartType.Png,
                        (long)(LetterChart.Width * EmuPerPixel * 1.05), (long)(LetterChart.Height * EmuPerPixel * 1.05), id, $"Grafiek {id}", chart.Summary));
                    id++;
                    body.Append(Table([["Periode", "Waarde"], .. chart.Rows().Select(r => (IReadOnlyList<string>)[r.Label, r.Value])], [false, true]));
                }
            }

            var section = new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1418, Right = 1418, Header = 708, Footer = 708, Gutter = 0 });
            if (header.IsDraft)
            {
                // The mark heads every page: a page header part, referenced first in the section (the schema's order).
                var draft = main.AddNewPart<HeaderPart>();
                draft.Header = new Header(Paragraph([new LetterBlocks.Run(LetterHtml.Header.DraftMark, Bold: true)], "DraftMark"));
                draft.Header.Save();
                section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(draft) });
            }

            body.Append(section);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Block(LetterBlocks.Block block) => block switch
    {
        LetterBlocks.Heading h => [Paragraph(h.Runs, $"Heading{Math.Clamp(h.Level, 1, 3)}")],
        LetterBlocks.Paragraph { Bullet: true } p => [Paragraph(p.Runs, "ListBullet", bullet: true)],
        LetterBlocks.Paragraph { Closing: true } p => [Paragraph(p.Runs, "Closing")],
        LetterBlocks.Paragraph p => [Paragraph(p.Runs, null)],
        LetterBlocks.Table t => [Table(t.Rows, t.RightAligned), new Paragraph()],
        _ => [],
    };

    /// <summary>
    /// The sources as real Word footnotes: each at the foot of the page that cites it, numbered by Word, so a line the
    /// drafter adds in Word never runs into one. Word wants the separator and continuation notes (ids -1 and 0) first.
    /// </summary>
    private static void AddFootnotes(MainDocumentPart main, IReadOnlyList<LetterBlocks.Footnote> notes)
    {
        var part = main.AddNewPart<FootnotesPart>();
        part.Footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        foreach (var note in notes)
        {
            var text = Paragraph(note.Runs, "FootnoteText");
            text.InsertAfter(new Run(RunProperties(new LetterBlocks.Run("", Superscript: true)), new FootnoteReferenceMark()), text.ParagraphProperties);
            text.InsertAfter(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }), text.Elements<Run>().First());
            part.Footnotes.Append(new Footnote(text) { Id = note.Number });
        }

        part.Footnotes.Save();
    }

    private static Table HeaderTable(LetterVersion version, LetterHtml.Header header)
    {
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, new TableLook { Val = "0080" }),
            new TableGrid(new GridColumn { Width = "2500" }, new GridColumn { Width = "6570" }));
        foreach (var (label, value) in LetterHtml.HeaderRows(version, header))
        {
            table.Append(new TableRow(
                Cell([new LetterBlocks.Run(label.ToUpperInvariant(), Bold: true)], "HeaderLabel", width: 1400),
                Cell([new LetterBlocks.Run(value)], null, width: 3600)));
        }

        return table;
    }

    private static Table Table(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> rightAligned)
    {
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "9E9E9E" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "9E9E9E" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "9E9E9E" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "9E9E9E" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "9E9E9E" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "9E9E9E" });
        var columns = rows.Max(r => r.Count);
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Auto, Width = "0" }, borders, new TableLook { Val = "0020" }),
            new TableGrid([.. Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9000 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            if (r == 0)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            for (var c = 0; c < rows[r].Count; c++)
            {
                var right = c < rightAligned.Count && rightAligned[c];
                row.Append(Cell([new LetterBlocks.Run(rows[r][c], Bold: r == 0)], null, right: right));
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(IReadOnlyList<LetterBlocks.Run> runs, string? style, int? width = null, bool right = false)
    {
        var paragraph = Paragraph(runs, style);
        if (right)
        {
            paragraph.ParagraphProperties ??= new ParagraphProperties();
            paragraph.ParagraphProperties.Append(new Justification { Val = JustificationValues.Right });
        }

        var properties = new TableCellProperties(new TableCellMargin(new LeftMargin { Width = "80", Type = TableWidthUnitValues.Dxa }, new RightMargin { Width = "80", Type = TableWidthUnitValues.Dxa }));
        if (width is { } w)
        {
            properties.PrependChild(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new TableCell(properties, paragraph);
    }

    private static Paragraph Paragraph(string text, string style, bool pageBreakBefore = false) =>
        Paragraph([new LetterBlocks.Run(text)], style, pageBreakBefore: pageBreakBefore);

    private static Paragraph Paragraph(IReadOnlyList<LetterBlocks.Run> runs, string? style, bool bullet = false, bool pageBreakBefore = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }

        if (bullet)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = LetterDocxStyles.BulletNumbering }));
        }

        var paragraph = new Paragraph(properties);
        foreach (var run in runs)
        {
            if (run.Note is { } note)
            {
                paragraph.Append(new Run(RunProperties(run), new FootnoteReference { Id = note }));
                continue;
            }

            var lines = run.Text.Split('\n');
            var element = new Run(RunProperties(run));
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    element.Append(new Break());
                }

                element.Append(new Text(PrintableText.Of(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
            }

            paragraph.Append(element);
        }

        return paragraph;
    }

    private static RunProperties RunProperties(LetterBlocks.Run run)
    {
        var properties = new RunProperties();
        if (run.Bold)
        {
            properties.Append(new Bold());
        }

        if (run.Italic)
        {
            properties.Append(new Italic());
        }

        if (run.Superscript)
        {
            properties.Append(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript });
        }

        return properties;
    }

    private static Paragraph Image(MainDocumentPart main, byte[] image, PartTypeInfo type, long cx, long cy, uint id, string name, string description)
    {
        var part = main.AddImagePart(type);
        using (var stream = new MemoryStream(image))
        {
            part.FeedData(stream);
        }

        var relationship = main.GetIdOfPart(part);
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name, Description = description }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new Paragraph(new Run(new Drawing(inline)));
    }
}
