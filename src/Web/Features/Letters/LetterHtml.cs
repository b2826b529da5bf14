using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Domain.Letters;
using Governance.Workflows.Letters;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The accessible HTML of a letter version: the header as a table with row headers (behandeld door,
/// telefoonnummer, onze referentie, datum, onderwerp), the text from Markdown (<see cref="LetterMarkdown"/>: raw
/// HTML shown as text, unsafe link targets dropped, sanitized), an appendix with a chart per numeric indicator (SVG with a text alternative) and
/// the same figures as a table, and one with where each figure came from. Everything comes from the stored version, so the output is reproducible.
/// </summary>
public static class LetterHtml
{
    /// <summary>
    /// What heads a letter besides its version: the reference and date once sealed, the municipality, and its logo as a
    /// data URI (PNG or JPEG, checked when it was set). <see cref="Published"/> marks the copy in the public register:
    /// the civil servant who handled it is not named there (as the Woo has names of civil servants left out), the
    /// functional telephone number and e-mail address stay.
    /// </summary>
    public sealed record Header(string? Reference, DateOnly? Date, string Municipality, string? Logo = null, bool Published = false)
    {
        public const string NameLeftOut = "(naam weggelaten)";

        /// <summary>The word every output of a version that is not the finalised one carries, so a draft is never taken for the letter sent.</summary>
        public const string DraftMark = "CONCEPT";

        /// <summary>A draft: any version but the finalised one, which alone has a reference.</summary>
        public bool IsDraft => Reference is null;

        /// <summary>The header of a version: reference and date only on the version that was finalised.</summary>
        public static Header For(CouncilLetter letter, LetterVersion version, string municipality, string? logo = null)
        {
            var sealedVersion = letter.IsFinalised && version.Number == letter.FinalisedVersion;
            var date = sealedVersion && letter.FinalisedAtUtc is { } at ? DateOnly.FromDateTime(Domain.Planning.MunicipalTime.ToLocal(at)) : (DateOnly?)null;
            return new Header(sealedVersion ? letter.Reference : null, date, municipality, logo);
        }

        public static string? LogoUri(byte[]? image, string? type) => image is null || type is null ? null : $"data:{type};base64,{Convert.ToBase64String(image)}";
    }

    /// <summary>The header of the letter as the Maastricht letters have it, in every output.</summary>
    public static IEnumerable<(string Label, string Value)> HeaderRows(LetterVersion version, Header header) =>
    [
        ("Behandeld door", header.Published ? Header.NameLeftOut : version.HandledBy),
        ("Telefoonnummer", version.Phone ?? "–"),
        .. Model(version)?.Email is { } email ? new[] { ("E-mail", email) } : [],
        ("Onze referentie", header.Reference ?? "volgt bij vaststelling"),
        ("Datum", header.Date is { } d ? d.ToString("d MMMM yyyy", LetterFigures.Dutch) : "volgt bij vaststelling"),
        ("Onderwerp", version.Subject),
    ];

    /// <summary>The letter as an HTML fragment (for the page preview).</summary>
    public static string Fragment(LetterVersion version, Header header)
    {
        var model = Model(version);
        var html = new StringBuilder();
        html.Append("<article class=\"letter\" lang=\"nl\">");
        if (header.IsDraft)
        {
            html.Append("<p class=\"letter-draft-mark\">").Append(Header.DraftMark).Append("</p>");
        }

        if (header.Logo is { } logo && logo.StartsWith("data:image/", StringComparison.Ordinal))
        {
            html.Append("<img class=\"letter-logo\" src=\"").Append(Encode(logo)).Append("\" alt=\"").Append(Encode(LetterLogo.Description(header.Municipality))).Append("\" style=\"max-height: 4rem; margin-bottom: 1rem;\">");
        }
        html.Append("<table class=\"letter-header\"><caption class=\"visually-hidden\">Briefgegevens</caption><tbody>");
        foreach (var (label, value) in HeaderRows(version, header))
        {
            Row(html, label, value);
        }

        html.Append("</tbody></table>");
        html.Append("<div class=\"letter-body\">").Append(LetterMarkdown.ToHtml(version.Body)).Append("</div>");
        var charted = model?.Items.Where(LetterChart.Charts).ToList() ?? [];
        if (charted.Count > 0)
        {
            html.Append("<section class=\"letter-appendix\"><h2>Bijlage: de cijfers in beeld</h2>");
            foreach (var item in charted)
            {
                html.Append(Chart(item));
            }

            html.Append("</section>");
        }

        Origins(html, model?.Items.Where(i => i.Origin is not null).ToList() ?? []);
        html.Append("</article>");
        return html.ToString();
    }

    /// <summary>The letter as a standalone HTML document (the download).</summary>
    public static string Document(LetterVersion version, Header header) =>
        $$"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(version.Subject)}}</title>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
        .letter-header { border-collapse: collapse; margin-bottom: 2rem; }
        .letter-header th { text-align: left; font-size: .8rem; letter-spacing: .05em; text-transform: uppercase; padding: .2rem 1.5rem .2rem 0; color: #424242; }
        table { border-collapse: collapse; } td, th { padding: .25rem .5rem; }
        .letter-body table th, .letter-body table td, .letter-appendix table th, .letter-appendix table td { border: 1px solid #9e9e9e; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        figure { margin: 1.5rem 0; }
        h1 { font-size: 1.4rem; margin: 0 0 1.5rem; }
        .letter-closing { margin-bottom: 4.5rem; }
        .letter-origins th[scope=row], .letter-origins td { text-align: left; vertical-align: top; }
        .letter-draft-mark { float: right; margin: 0 0 .5rem 1rem; padding: .1rem .6rem; border: 2px solid #a4262c; color: #a4262c; font-weight: 700; letter-spacing: .2em; }
        </style>
        </head>
        <body>
        <header><p>Gemeente {{Encode(header.Municipality)}} · Raadsinformatiebrief</p><h1>{{Encode(version.Subject)}}</h1></header>
        <main>
        {{Fragment(version, header)}}
        </main>
        </body>
        </html>
        """;

    public static LetterModel? Model(LetterVersion version)
    {
        try
        {
            return string.IsNullOrWhiteSpace(version.Data) ? null : JsonSerializer.Deserialize<LetterModel>(version.Data, LetterComposer.DataJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The appendix that says where each figure came from, one row per indicator at the anchor <c>herkomst-CODE</c>: who handed
    /// it in and when, or how it was computed; the definition version, the source and the attached files.
    /// </summary>
    private static void Origins(StringBuilder html, IReadOnlyList<LetterItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"letter-appendix letter-origins\"><h2>Bijlage: herkomst van de cijfers</h2>")
            .Append("<table><caption class=\"visually-hidden\">Herkomst van de cijfers</caption><thead><tr>")
            .Append("<th scope=\"col\">Indicator</th><th scope=\"col\">Aangeleverd</th><th scope=\"col\">Definitie</th><th scope=\"col\">Bron</th><th scope=\"col\">Bijlagen</th>")
            .Append("</tr></thead><tbody>");
        foreach (var item in items)
        {
            var origin = item.Origin!;
            var delivered = origin.ComputedAs is { } formula ? $"Berekend als {formula}"
                : origin.EnteredBy is { } by ? $"Door {by}{(origin.EnteredOn is { } on ? $" op {on}" : "")}" : "–";
            html.Append("<tr").Append(item.Code is { } code ? $" id=\"herkomst-{Encode(code)}\"" : "").Append("><th scope=\"row\">").Append(Encode(item.Name)).Append("</th>")
                .Append("<td>").Append(Encode(delivered)).Append("</td>")
                .Append("<td>").Append(Encode($"versie {origin.DefinitionVersion.ToString(CultureInfo.InvariantCulture)}")).Append("</td>")
                .Append("<td>").Append(Encode(origin.Source)).Append("</td>")
                .Append("<td>").Append(Encode(origin.Attachments.Count == 0 ? "–" : string.Join(", ", origin.Attachments))).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th scope=\"row\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");

    /// <summary>The chart of <see cref="LetterChart"/> as SVG; the table beside it carries the same figures.</summary>
    public static string Chart(LetterItem item)
    {
        var chart = new LetterChart(item);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var id = "chart-" + Math.Abs(item.Name.GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption id=\"{id}\">{Encode(item.Name)}</figcaption>");
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {LetterChart.Width} {LetterChart.Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"{N(LetterChart.FontSize)}\"><title>{Encode(chart.Summary)}</title>");
        if (chart.UnitLabel is { } unit)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{N(chart.PlotTop - 12)}\" fill=\"{LetterChart.TextColour}\">{Encode(unit)}</text>");
        }

        foreach (var grid in chart.GridLines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(chart.PlotLeft)}\" x2=\"{N(chart.PlotRight)}\" y1=\"{N(grid.Y)}\" y2=\"{N(grid.Y)}\" stroke=\"{LetterChart.GridColour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(chart.PlotLeft - 6)}\" y=\"{N(grid.Y + 4)}\" text-anchor=\"end\" fill=\"{LetterChart.TextColour}\">{Encode(grid.Label)}</text>");
        }

        foreach (var line in chart.ReferenceLines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(chart.PlotLeft)}\" x2=\"{N(chart.PlotRight)}\" y1=\"{N(line.Y)}\" y2=\"{N(line.Y)}\" stroke=\"{line.Colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{string.Join(' ', line.Dash.Select(N))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(chart.PlotRight)}\" y=\"{N(line.Y - 4)}\" text-anchor=\"end\" fill=\"{line.Colour}\">{Encode(line.Label)}</text>");
        }

        foreach (var segment in chart.Segments)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(segment.X1)}\" y1=\"{N(segment.Y1)}\" x2=\"{N(segment.X2)}\" y2=\"{N(segment.Y2)}\" stroke=\"{segment.Colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{string.Join(' ', segment.Dash.Select(N))}\"/>");
        }

        foreach (var mark in chart.Marks)
        {
            var anchor = mark.X < (chart.PlotLeft + chart.PlotRight) / 2 ? "start" : "end";
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(mark.X)}\" cy=\"{N(mark.Y)}\" r=\"4.5\" fill=\"white\" stroke=\"{mark.Colour}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(mark.X)}\" y=\"{N(mark.Y - 8)}\" text-anchor=\"{anchor}\" fill=\"{mark.Colour}\">{Encode(mark.Label)}</text>");
        }

        foreach (var run in chart.Lines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{LetterChart.LineColour}\" stroke-width=\"2\" points=\"{string.Join(' ', run.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>");
        }

        foreach (var point in chart.Points)
        {
            if (point.Y is { } y)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(point.X)}\" cy=\"{N(y)}\" r=\"3.5\" fill=\"{LetterChart.LineColour}\"/>");
            }

            if (point.Labelled)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(point.X)}\" y=\"{N(chart.LabelBaseline)}\" text-anchor=\"middle\" fill=\"{LetterChart.TextColour}\">{Encode(point.Label)}</text>");
            }
        }

        svg.Append("</svg>");
        svg.Append(CultureInfo.InvariantCulture, $"<table><caption>{Encode(item.Name)}: de cijfers van de grafiek</caption><thead><tr><th scope=\"col\">Periode</th><th scope=\"col\">Waarde</th></tr></thead><tbody>");
        foreach (var (label, value) in chart.Rows())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{Encode(label)}</th><td>{Encode(value)}</td></tr>");
        }

        svg.Append("</tbody></table></figure>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
