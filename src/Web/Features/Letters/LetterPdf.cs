using System.Globalization;
using Governance.Domain.Letters;
using Governance.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The letter as a PDF (PDFsharp) with its fonts embedded: the header, the text with headings, lists, tables
/// and sources, and the appendix with each chart drawn as vectors and its figures as a table; page numbers at
/// the foot. Written from a stored version only, so it is reproducible.
/// </summary>
public static class LetterPdf
{
    public static byte[] Create(LetterVersion version, LetterHtml.Header header)
    {
        LetterFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = PrintableText.Of(version.Subject);
        document.Info.Author = $"Gemeente {header.Municipality}";
        document.Info.Subject = "Raadsinformatiebrief";
        var writer = new PdfLayout(document);
        if (LetterLogo.Of(header) is { } logo)
        {
            writer.Logo(logo);
            writer.Space(10);
        }

        writer.Text([new LetterBlocks.Run($"Gemeente {header.Municipality} · Raadsinformatiebrief")], 9, colour: XColors.DimGray);
        writer.Space(10);
        writer.Table([.. LetterHtml.HeaderRows(version, header).Select(r => (IReadOnlyList<string>)[r.Label.ToUpperInvariant(), r.Value])], [false, false], headerRow: false, borders: false);
        writer.Space(14);
        writer.Text([new LetterBlocks.Run(version.Subject, Bold: true)], 16);
        writer.Space(8);
        foreach (var block in LetterBlocks.Parse(version.Body))
        {
            switch (block)
            {
                case LetterBlocks.Heading h:
                    writer.Space(h.Level <= 1 ? 12 : 8);
                    writer.Text(h.Runs, h.Level <= 1 ? 14 : 12, bold: true, keepWithNext: true);
                    writer.Space(3);
                    break;
                case LetterBlocks.Paragraph p:
                    writer.Text(p.Runs, 10.5, bullet: p.Bullet, keepWithNext: p.Closing);
                    // After "Hoogachtend," the aldermen sign: about two and a half centimetres.
                    writer.Space(p.Closing ? 70 : p.Bullet ? 2 : 6);
                    break;
                case LetterBlocks.Table t:
                    writer.Table(t.Rows, t.RightAligned, headerRow: true, borders: true);
                    writer.Space(8);
                    break;
                case LetterBlocks.Footnote f:
                    writer.Text([new LetterBlocks.Run(f.Number.ToString(CultureInfo.InvariantCulture), Superscript: true), new(" "), .. f.Runs], 8.5);
                    writer.Space(2);
                    break;
            }
        }

        var charted = LetterHtml.Model(version)?.Items.Where(LetterChart.Charts).ToList() ?? [];
        if (charted.Count > 0)
        {
            writer.NewPage();
            writer.Text([new LetterBlocks.Run("Bijlage: de cijfers in beeld", Bold: true)], 14);
            writer.Space(8);
            foreach (var item in charted)
            {
                var chart = new LetterChart(item);
                writer.KeepTogether(PdfLayout.ChartHeight + 40);
                writer.Text([new LetterBlocks.Run(item.Name, Bold: true)], 11, keepWithNext: true);
                writer.Chart(chart);
                writer.Table([["Periode", "Waarde"], .. chart.Rows().Select(r => (IReadOnlyList<string>)[r.Label, r.Value])], [false, true], headerRow: true, borders: true);
                writer.Space(14);
            }
        }

        writer.NumberPages(header.IsDraft ? LetterHtml.Header.DraftMark : null);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
