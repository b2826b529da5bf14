using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Domain.Letters;
using Governance.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The letter as a PDF (PDFsharp) with its fonts embedded: the header, the text with headings, lists, tables
/// and sources, and the appendix with each chart drawn as vectors and its figures as a table; page numbers at
/// the foot. Tagged for accessibility as Dutch rules ask of published government documents (PDF/UA): a structure
/// tree in reading order, the language nl-NL, the title shown, headings, lists, tables with header cells, every
/// chart a figure with its text alternative, bookmarks to the headings and the PDF/UA identification in the XMP
/// metadata. Written from a stored version only, so it is reproducible.
/// </summary>
public static partial class LetterPdf
{
    public static byte[] Create(LetterVersion version, LetterHtml.Header header)
    {
        LetterFonts.Register();
        // The page numbers ("Pagina 1 van 3") are drawn with each page, as artifacts of the tagged document; a first,
        // untagged pass counts the pages.
        int pages;
        using (var count = new PdfDocument())
        {
            var first = new PdfLayout(count);
            Write(first, version, header);
            pages = first.PageCount;
        }

        using var document = new PdfDocument();
        document.Info.Title = PrintableText.Of(version.Subject);
        document.Info.Author = $"Gemeente {header.Municipality}";
        document.Info.Subject = "Raadsinformatiebrief";
        Write(new PdfLayout(document, pages, header.IsDraft ? LetterHtml.Header.DraftMark : null), version, header);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return Identify(stream.ToArray(), document.Info);
    }

    private static void Write(PdfLayout writer, LetterVersion version, LetterHtml.Header header)
    {
        if (LetterLogo.Of(header) is { } logo)
        {
            writer.Logo(logo, $"Logo van de gemeente {header.Municipality}");
            writer.Space(10);
        }

        using (writer.Tag(PdfBlockLevelElementTag.Paragraph))
        {
            writer.Text([new LetterBlocks.Run($"Gemeente {header.Municipality} · Raadsinformatiebrief")], 9, colour: XColors.DimGray);
        }

        writer.Space(10);
        writer.Table([.. LetterHtml.HeaderRows(version, header).Select(r => (IReadOnlyList<string>)[r.Label.ToUpperInvariant(), r.Value])], [false, false], headerRow: false, borders: false);
        writer.Space(14);
        using (writer.Tag(PdfBlockLevelElementTag.Heading1))
        {
            writer.Text([new LetterBlocks.Run(version.Subject, Bold: true)], 16);
        }

        writer.Space(8);
        IDisposable? list = null;
        foreach (var block in LetterBlocks.Parse(version.Body))
        {
            // Consecutive list items form one list.
            if (block is not LetterBlocks.Paragraph { Bullet: true } && list is not null)
            {
                list.Dispose();
                list = null;
            }

            switch (block)
            {
                case LetterBlocks.Heading h:
                    writer.Space(h.Level <= 1 ? 12 : 8);
                    writer.Bookmark(string.Concat(h.Runs.Where(r => r.Note is null).Select(r => r.Text)));
                    // The subject is the document's one level-1 heading; the text's headings come below it.
                    using (writer.Tag(h.Level <= 2 ? PdfBlockLevelElementTag.Heading2 : PdfBlockLevelElementTag.Heading3))
                    {
                        writer.Text(h.Runs, h.Level <= 1 ? 14 : 12, bold: true, keepWithNext: true);
                    }

                    writer.Space(3);
                    break;
                case LetterBlocks.Paragraph { Bullet: true } p:
                    list ??= writer.Tag(PdfBlockLevelElementTag.List);
                    using (writer.Tag(PdfBlockLevelElementTag.ListItem))
                    {
                        writer.Text(p.Runs, 10.5, bullet: true);
                    }

                    writer.Space(2);
                    break;
                case LetterBlocks.Paragraph p:
                    using (writer.Tag(PdfBlockLevelElementTag.Paragraph))
                    {
                        writer.Text(p.Runs, 10.5, keepWithNext: p.Closing);
                    }

                    // After "Hoogachtend," the aldermen sign: about two and a half centimetres.
                    writer.Space(p.Closing ? 70 : 6);
                    break;
                case LetterBlocks.Table t:
                    writer.Table(t.Rows, t.RightAligned, headerRow: true, borders: true);
                    writer.Space(8);
                    break;
                case LetterBlocks.Footnote f:
                    using (writer.Tag(PdfBlockLevelElementTag.Paragraph))
                    {
                        writer.Text([new LetterBlocks.Run(f.Number.ToString(CultureInfo.InvariantCulture), Superscript: true), new(" "), .. f.Runs], 8.5);
                    }

                    writer.Space(2);
                    break;
            }
        }

        list?.Dispose();
        var charted = LetterHtml.Model(version)?.Items.Where(LetterChart.Charts).ToList() ?? [];
        if (charted.Count > 0)
        {
            writer.NewPage();
            const string appendix = "Bijlage: de cijfers in beeld";
            writer.Bookmark(appendix);
            using (writer.Tag(PdfBlockLevelElementTag.Heading2))
            {
                writer.Text([new LetterBlocks.Run(appendix, Bold: true)], 14);
            }

            writer.Space(8);
            foreach (var item in charted)
            {
                var chart = new LetterChart(item);
                writer.KeepTogether(PdfLayout.ChartHeight + 40);
                using (writer.Tag(PdfBlockLevelElementTag.Heading3))
                {
                    writer.Text([new LetterBlocks.Run(item.Name, Bold: true)], 11, keepWithNext: true);
                }

                writer.Chart(chart);
                writer.Table([["Periode", "Waarde"], .. chart.Rows().Select(r => (IReadOnlyList<string>)[r.Label, r.Value])], [false, true], headerRow: true, borders: true);
                writer.Space(14);
            }
        }

        writer.Finish();
    }

    /// <summary>
    /// The XMP metadata PDF/UA asks for: the title, author, subject and language, and the PDF/UA identification (part 1).
    /// PDFsharp writes a packet of its own when it saves (without the identification, with the title unescaped), so
    /// ours follows it as an incremental update: the metadata object again, an xref section for it and a trailer
    /// pointing back to the first, as the PDF standard lets any writer amend a file.
    /// </summary>
    private static byte[] Identify(byte[] pdf, PdfDocumentInformation info)
    {
        static string Xml(string text) => SecurityElement.Escape(PrintableText.Of(text));
        var xmp = $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Xml(info.Title)}</rdf:li></rdf:Alt></dc:title>
                  <dc:creator><rdf:Seq><rdf:li>{Xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>
                  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>
                  <dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                  <pdf:Producer>{Xml(info.Producer)}</pdf:Producer>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                  <pdfuaid:part>1</pdfuaid:part>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """;
        var text = Encoding.Latin1.GetString(pdf);
        var metadata = MetadataReference().Match(text);
        var startxref = StartXref().Matches(text);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (!metadata.Success || startxref.Count == 0 || trailerAt < 0)
        {
            throw new InvalidOperationException("The PDF has no metadata reference or trailer to amend.");
        }

        var trailer = Dictionary(text, text.IndexOf("<<", trailerAt, StringComparison.Ordinal));
        trailer = PreviousXref().Replace(trailer, "");
        trailer = trailer[..^2] + "/Prev " + startxref[^1].Groups[1].Value + ">>";
        var packet = Encoding.UTF8.GetBytes(xmp);
        using var output = new MemoryStream();
        output.Write(pdf);
        var objectAt = output.Position + 1;
        Write(output, $"\n{metadata.Groups[1].Value} 0 obj\n<</Type/Metadata/Subtype/XML/Length {packet.Length}>>\nstream\n");
        output.Write(packet);
        Write(output, "\nendstream\nendobj\n");
        var xrefAt = output.Position;
        Write(output, string.Create(CultureInfo.InvariantCulture,
            $"xref\n{metadata.Groups[1].Value} 1\n{objectAt:D10} 00000 n\r\ntrailer\n{trailer}\nstartxref\n{xrefAt}\n%%EOF\n"));
        return output.ToArray();

        static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
    }

    /// <summary>The dictionary that starts at <paramref name="start"/>, nested dictionaries included.</summary>
    private static string Dictionary(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length - 1; i++)
        {
            if (text[i] == '<' && text[i + 1] == '<')
            {
                depth++;
                i++;
            }
            else if (text[i] == '>' && text[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0)
                {
                    return text[start..(i + 1)];
                }
            }
        }

        throw new InvalidOperationException("The PDF's trailer does not end.");
    }

    [GeneratedRegex(@"/Metadata (\d+) 0 R")]
    private static partial Regex MetadataReference();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Prev \d+")]
    private static partial Regex PreviousXref();
}
