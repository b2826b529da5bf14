using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Domain.Letters;
using Governance.Workflows.Letters;
using Markdig;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The accessible HTML of a letter version: the header as a table with row headers (behandeld door,
/// telefoonnummer, onze referentie, datum, onderwerp), the text from Markdown (raw HTML in the text is shown
/// as text, never run), and an appendix with a chart per numeric indicator (SVG with a text alternative) and
/// the same figures as a table. Everything comes from the stored version, so the output is reproducible.
/// </summary>
public static class LetterHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes().UseEmphasisExtras().DisableHtml().Build();

    public sealed record Header(string? Reference, DateOnly? Date, string Municipality)
    {
        /// <summary>The header of a version: reference and date only on the version that was finalised.</summary>
        public static Header For(CouncilLetter letter, LetterVersion version, string municipality)
        {
            var sealedVersion = letter.IsFinalised && version.Number == letter.FinalisedVersion;
            var date = sealedVersion && letter.FinalisedAtUtc is { } at ? DateOnly.FromDateTime(Domain.Planning.MunicipalTime.ToLocal(at)) : (DateOnly?)null;
            return new Header(sealedVersion ? letter.Reference : null, date, municipality);
        }
    }

    /// <summary>The letter as an HTML fragment (for the page preview).</summary>
    public static string Fragment(LetterVersion version, Header header)
    {
        var model = Model(version);
        var html = new StringBuilder();
        html.Append("<article class=\"letter\" lang=\"nl\">");
        html.Append("<table class=\"letter-header\"><caption class=\"visually-hidden\">Briefgegevens</caption><tbody>");
        Row(html, "Behandeld door", version.HandledBy);
        Row(html, "Telefoonnummer", version.Phone ?? "–");
        Row(html, "Onze referentie", header.Reference ?? "volgt bij vaststelling");
        Row(html, "Datum", header.Date is { } d ? d.ToString("d MMMM yyyy", LetterFigures.Dutch) : "volgt bij vaststelling");
        Row(html, "Onderwerp", version.Subject);
        html.Append("</tbody></table>");
        html.Append("<div class=\"letter-body\">").Append(Markdown.ToHtml(version.Body, Pipeline)).Append("</div>");
        var charted = model?.Items.Where(i => i.IsNumeric && i.Series.Any(p => p.Value is not null)).ToList() ?? [];
        if (charted.Count > 0)
        {
            html.Append("<section class=\"letter-appendix\"><h2>Bijlage: de cijfers in beeld</h2>");
            foreach (var item in charted)
            {
                html.Append(Chart(item));
            }

            html.Append("</section>");
        }

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
        </style>
        </head>
        <body>
        <header><p>Gemeente {{Encode(header.Municipality)}} · Raadsinformatiebrief</p></header>
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

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th scope=\"row\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");

    /// <summary>A line chart of the series with dashed baseline and target lines; the table beside it carries the same figures.</summary>
    public static string Chart(LetterItem item)
    {
        const int width = 560, height = 220, left = 70, right = 16, top = 16, bottom = 36;
        var values = item.Series.Where(p => p.Value is not null).Select(p => p.Value!.Value)
            .Concat(new[] { item.BaselineValue, item.TargetValue }.OfType<decimal>()).ToList();
        var min = Math.Min(0, values.Min());
        var max = values.Max();
        if (max == min)
        {
            max = min + 1;
        }

        double X(int i) => left + (item.Series.Count == 1 ? (width - left - right) / 2.0 : i * (width - left - right) / (double)(item.Series.Count - 1));
        double Y(decimal v) => top + (double)((max - v) / (max - min)) * (height - top - bottom);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string F(decimal v) => LetterFigures.Measure(v, item.Decimals, item.FormattedUnit);

        var id = "chart-" + Math.Abs(item.Name.GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);
        var summary = $"Grafiek van {item.Name}: " + string.Join(", ", item.Series.Select(p => $"{p.Label} {(p.Value is { } v ? F(v) : "niet beschikbaar")}"))
            + (item.BaselineValue is { } b ? $"; nulmeting {F(b)}" : "") + (item.TargetValue is { } t ? $"; streefwaarde {F(t)}" : "") + ".";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption id=\"{id}\">{Encode(item.Name)}</figcaption>");
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}\"><title>{Encode(summary)}</title>");
        for (var i = 0; i <= 4; i++)
        {
            var v = min + (max - min) * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{N(Y(v))}\" y2=\"{N(Y(v))}\" stroke=\"#e0e0e0\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{N(Y(v) + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#424242\">{Encode(v.ToString("N" + Math.Min(item.Decimals, 1), LetterFigures.Dutch))}</text>");
        }

        foreach (var (line, label, colour, dash) in new[] { (item.BaselineValue, "nulmeting", "#6d4c41", "4 3"), (item.TargetValue, "streefwaarde", "#1b5e20", "6 3") })
        {
            if (line is { } l)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{N(Y(l))}\" y2=\"{N(Y(l))}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right}\" y=\"{N(Y(l) - 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"{colour}\">{label}</text>");
            }
        }

        var points = item.Series.Select((p, i) => p.Value is { } v ? $"{N(X(i))},{N(Y(v))}" : null).OfType<string>();
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#0d47a1\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
        for (var i = 0; i < item.Series.Count; i++)
        {
            if (item.Series[i].Value is { } v)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(v))}\" r=\"3.5\" fill=\"#0d47a1\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(i))}\" y=\"{height - 12}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#424242\">{Encode(item.Series[i].Label)}</text>");
        }

        svg.Append("</svg>");
        svg.Append(CultureInfo.InvariantCulture, $"<table><caption>{Encode(item.Name)}: de cijfers van de grafiek</caption><thead><tr><th scope=\"col\">Periode</th><th scope=\"col\">Waarde</th></tr></thead><tbody>");
        foreach (var point in item.Series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{Encode(point.Label)}</th><td>{Encode(point.Value is { } v ? F(v) : "niet beschikbaar")}</td></tr>");
        }

        if (item.BaselineValue is { } bv)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">Nulmeting</th><td>{Encode(F(bv))}</td></tr>");
        }

        if (item.TargetValue is { } tv)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">Streefwaarde</th><td>{Encode(F(tv))}</td></tr>");
        }

        svg.Append("</tbody></table></figure>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
