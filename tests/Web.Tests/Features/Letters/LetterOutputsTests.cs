using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Governance.Domain.Letters;
using Governance.Web.Features.Letters;
using Governance.Workflows.Letters;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>
/// The downloads of a letter, from a version composed with the default template on the 2021 sample: the DOCX
/// is valid Open XML and LibreOffice turns it into a PDF with the figures; the own PDF embeds its fonts and
/// reads back with the figures (poppler's pdftotext, pdfinfo and pdffonts; LibreOffice headless).
/// </summary>
public sealed class LetterOutputsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("letter-outputs-").FullName;

    private static LetterVersion Version(LetterModel model) =>
        LetterVersion.Preview(LetterComposer.Content(model, LetterTemplates.Default).Value!, new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc));

    private static readonly LetterHtml.Header Draft = new(null, null, "Maastricht");

    [Fact]
    public void The_docx_passes_the_Open_XML_validator_with_real_headings_figures_and_described_charts()
    {
        var bytes = LetterDocx.Create(Version(LetterSamples.Sample), Draft);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;
        Assert.Contains("93,9 %", text);
        Assert.Contains("Niet-gebruik Kindpakket", text);
        Assert.Contains("nog geen cijfers beschikbaar", text);
        Assert.Contains("Hoogachtend,", text);
        // Room to sign below the closing, kept on the page with the names.
        Assert.Equal("Closing", body.Descendants<Paragraph>().Single(p => p.InnerText == "Hoogachtend,").ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal("1440", document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Closing").StyleParagraphProperties!.SpacingBetweenLines!.After!.Value);
        Assert.Contains("volgt bij vaststelling", text);
        var headings = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading2").Select(p => p.InnerText).ToList();
        Assert.Contains("Wmo-aanvragen binnen 8 weken afgehandeld", headings);
        Assert.NotNull(document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().SingleOrDefault(s => s.StyleId == "Heading2"));
        // The source is a real Word footnote, referenced where the figure cites it, not a paragraph at the end of the text.
        Assert.Equal([1L], body.Descendants<FootnoteReference>().Select(r => r.Id!.Value));
        var note = Assert.Single(document.MainDocumentPart.FootnotesPart!.Footnotes!.Elements<Footnote>(), f => f.Id!.Value > 0);
        Assert.Equal(" Bron: Gemeente Maastricht, Wmo-registratie", note.InnerText);
        Assert.DoesNotContain("Bron:", text);
        // One chart (the numeric item with figures), as a PNG with its text alternative.
        Assert.Single(document.MainDocumentPart.ImageParts);
        var picture = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>());
        Assert.Contains("2021 93,9\u00a0%", picture.Description!.Value);
    }

    [Fact]
    public void Docx_and_pdf_hold_any_character_a_person_could_type_or_paste()
    {
        var content = new LetterContent("Onderwerp \u0000met NUL", "S. Peeters\u0001", null,
            "Tekst met \u0000NUL, \u000bverticale tab, \uffff, een halve \ud83d-emoji, een hele 😀, \u200bnulbreedte en ‘quotes’ — Ł ő ǅ.\n\n| a\u0007 | b |\n|---|---|\n| 1\u0000 | 2 |\n",
            "{}");
        var version = LetterVersion.Preview(content, new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc));

        var docx = LetterDocx.Create(version, Draft);
        var pdf = LetterPdf.Create(version, Draft);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.True(text.Contains("Tekst met NUL, verticale tab, , een halve -emoji, een hele 😀, \u200bnulbreedte en ‘quotes’ — Ł ő ǅ.", StringComparison.Ordinal), text);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    [Fact]
    public async Task LibreOffice_converts_the_docx_to_a_pdf_whose_text_holds_the_figures()
    {
        var docx = Path.Combine(_folder, "brief.docx");
        await File.WriteAllBytesAsync(docx, LetterDocx.Create(Version(LetterSamples.WithIndicators(12)), new LetterHtml.Header("2025.03355", new DateOnly(2025, 9, 2), "Maastricht")));

        await RunAsync("soffice", $"-env:UserInstallation=file://{_folder}/profile --headless --convert-to pdf --outdir {_folder} {docx}");

        var pdf = Path.Combine(_folder, "brief.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
        // Text, a chart per indicator and its table: more than one page, fewer than one per indicator and a half.
        var pages = Pages(await RunAsync("pdfinfo", pdf));
        Assert.InRange(pages, 3, 18);
        var text = await RunAsync("pdftotext", $"-layout {pdf} -");
        Assert.Contains("2025.03355", text);
        Assert.Contains("92,5 %", text);
        Assert.Contains("Hoogachtend,", text);
        Assert.Contains("Bron: Gemeente Maastricht, eigen registratie", text);
        Assert.DoesNotContain("[^1]", text);
    }

    [Fact]
    public async Task The_pdf_embeds_its_fonts_numbers_its_pages_and_reads_back_with_the_figures()
    {
        var file = Path.Combine(_folder, "brief.pdf");
        await File.WriteAllBytesAsync(file, LetterPdf.Create(Version(LetterSamples.Sample), Draft));

        var text = await RunAsync("pdftotext", $"-layout {file} -");
        Assert.Contains("93,9 %", text);
        Assert.Contains("Wmo-aanvragen binnen 8 weken afgehandeld", text);
        Assert.Contains("nog geen cijfers beschikbaar", text);
        Assert.Contains("Jeroen Hoenderkamp", text);
        Assert.Contains("Bron: Gemeente Maastricht, Wmo-registratie", text);
        var pages = Pages(await RunAsync("pdfinfo", file));
        Assert.Contains($"Pagina {pages} van {pages}", text);

        var fonts = (await RunAsync("pdffonts", file)).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.Contains("DejaVu Sans", line));
        Assert.All(fonts, line => Assert.Matches(@"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line));
    }

    [Fact]
    public async Task The_pdf_is_tagged_for_accessibility_and_its_structure_reads_back()
    {
        var file = Path.Combine(_folder, "toegankelijk.pdf");
        await File.WriteAllBytesAsync(file, LetterPdf.Create(Version(LetterSamples.Sample), Draft));

        var info = await RunAsync("pdfinfo", file);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Matches(@"Title:\s+" + System.Text.RegularExpressions.Regex.Escape(LetterSamples.Sample.Subject), info);
        // The structure tree in reading order, with the text of each element (poppler reads it back).
        var structure = await RunAsync("pdfinfo", $"-struct-text {file}");
        foreach (var element in new[] { "Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure" })
        {
            Assert.Matches($@"(?m)^\s*{element}\b", structure);
        }

        Assert.Contains("Wmo-aanvragen binnen 8 weken afgehandeld", structure);
        Assert.DoesNotContain("Pagina 1 van", structure);

        using var document = PdfSharp.Pdf.IO.PdfReader.Open(file, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var catalog = document.Internals.Catalog;
        Assert.Equal("nl-NL", catalog.Elements.GetString("/Lang"));
        Assert.True(catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.True(catalog.Elements.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        var xmp = System.Text.Encoding.UTF8.GetString(catalog.Elements.GetDictionary("/Metadata")!.Stream!.UnfilteredValue);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", xmp);
        Assert.Contains(LetterSamples.Sample.Subject, xmp);
        // Every chart is a figure with its text alternative; every heading a bookmark.
        var figures = Elements(catalog.Elements.GetDictionary("/StructTreeRoot")!).Where(e => e.Elements.GetName("/S") == "/Figure").ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.StartsWith("Grafiek van ", f.Elements.GetString("/Alt"), StringComparison.Ordinal));
        Assert.Contains("Wmo-aanvragen binnen 8 weken afgehandeld", document.Outlines.Select(o => o.Title));
        Assert.Contains("Bijlage: de cijfers in beeld", document.Outlines.Select(o => o.Title));
    }

    /// <summary>The structure elements below a node of the structure tree, depth first.</summary>
    private static IEnumerable<PdfSharp.Pdf.PdfDictionary> Elements(PdfSharp.Pdf.PdfDictionary node)
    {
        var kids = node.Elements["/K"] switch
        {
            PdfSharp.Pdf.Advanced.PdfReference r => [r.Value],
            PdfSharp.Pdf.PdfArray a => a.Elements.Select(e => e is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : e),
            PdfSharp.Pdf.PdfDictionary d => [d],
            _ => Enumerable.Empty<PdfSharp.Pdf.PdfItem>(),
        };
        foreach (var kid in kids.OfType<PdfSharp.Pdf.PdfDictionary>().Where(k => k.Elements.ContainsKey("/S")))
        {
            yield return kid;
            foreach (var below in Elements(kid))
            {
                yield return below;
            }
        }
    }

    [Fact]
    public async Task The_municipality_logo_heads_the_docx_and_the_pdf_in_its_proportions_with_a_text_alternative()
    {
        using var bitmap = new SkiaSharp.SKBitmap(300, 100);
        bitmap.Erase(SkiaSharp.SKColors.DarkRed);
        var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
        var header = Draft with { Logo = LetterHtml.Header.LogoUri(png, "image/png") };

        using var document = WordprocessingDocument.Open(new MemoryStream(LetterDocx.Create(Version(LetterSamples.Sample), header)), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal(2, document.MainDocumentPart!.ImageParts.Count());
        var logo = document.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline>()
            .Single(i => i.DocProperties!.Name == "Logo");
        Assert.Equal("Logo gemeente Maastricht", logo.DocProperties!.Description!.Value);
        Assert.Equal(3.0, (double)logo.Extent!.Cx!.Value / logo.Extent.Cy!.Value, precision: 2);
        var first = document.MainDocumentPart.Document.Body!.Elements<Paragraph>().First();
        Assert.NotEmpty(first.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline>());

        var file = Path.Combine(_folder, "logo.pdf");
        await File.WriteAllBytesAsync(file, LetterPdf.Create(Version(LetterSamples.Sample), header));
        var images = (await RunAsync("pdfimages", $"-list {file}")).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        var image = Assert.Single(images);
        Assert.Matches(@"^\s*1\s+\d+\s+image\s+300\s+100\s", image);
        Assert.Contains("Raadsinformatiebrief", await RunAsync("pdftotext", $"-layout {file} -"));
    }

    [Fact]
    public async Task A_draft_carries_the_CONCEPT_mark_on_every_page_of_every_format_and_the_finalised_letter_none()
    {
        var version = Version(LetterSamples.Sample);
        var finalised = new LetterHtml.Header("2025.00001", new DateOnly(2025, 9, 2), "Maastricht");
        foreach (var (header, marked) in new[] { (Draft, true), (finalised, false) })
        {
            Assert.Equal(marked, LetterHtml.Document(version, header).Contains(">CONCEPT</p>", StringComparison.Ordinal));

            using var document = WordprocessingDocument.Open(new MemoryStream(LetterDocx.Create(version, header)), false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var pageHeaders = document.MainDocumentPart!.HeaderParts.Select(h => h.Header!.InnerText).ToList();
            Assert.Equal(marked ? ["CONCEPT"] : [], pageHeaders);

            var file = Path.Combine(_folder, marked ? "concept.pdf" : "vastgesteld.pdf");
            await File.WriteAllBytesAsync(file, LetterPdf.Create(version, header));
            var pages = Pages(await RunAsync("pdfinfo", file));
            Assert.True(pages > 1, "The sample has an appendix page, so the mark is seen on more than one page.");
            var text = await RunAsync("pdftotext", $"-layout {file} -");
            Assert.Equal(marked ? pages : 0, text.Split("CONCEPT").Length - 1);
        }
    }

    [Fact]
    public void A_long_letter_flows_onto_more_pages_than_a_short_one()
    {
        var shortLetter = LetterPdf.Create(Version(LetterSamples.Sample), Draft);
        var longLetter = LetterPdf.Create(Version(LetterSamples.WithIndicators(12)), Draft);

        using var shortDocument = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(shortLetter), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        using var longDocument = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(longLetter), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(longDocument.PageCount > shortDocument.PageCount + 2, $"{longDocument.PageCount} pages against {shortDocument.PageCount}");
    }

    private static int Pages(string pdfinfo) =>
        int.Parse(pdfinfo.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited {process.ExitCode}: {await error}");
        return await output;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
