using Ganss.Xss;
using Governance.Web.Components.Shared;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The one reading of a letter's Markdown, for every output. Text that people write (a drafter's edit, a
/// template, a staff member's value or explanation) is never trusted as HTML: raw HTML is shown as text, a link
/// or image keeps its target only for <c>http</c>, <c>https</c>, <c>mailto</c> and relative URLs (otherwise only
/// its text remains), and the HTML that results goes through a maintained sanitizer before any page, approval
/// view, download or e-mail shows it.
/// </summary>
public static class LetterMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes().UseEmphasisExtras().DisableHtml().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The Markdown's blocks, read without the characters no document can hold (<see cref="PrintableText"/>).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(PrintableText.Of(markdown), Pipeline);

    /// <summary>The Markdown as safe HTML.</summary>
    public static string ToHtml(string markdown)
    {
        var document = Parse(markdown);
        DropUnsafeTargets(document);
        foreach (var closing in document.Descendants<ParagraphBlock>().Where(IsClosing))
        {
            Markdig.Renderers.Html.HtmlAttributesExtensions.GetAttributes(closing).AddClass(ClosingClass);
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitize(writer.ToString());
    }

    /// <summary>The class of the closing ("Hoogachtend,"): the space below it is where the aldermen sign.</summary>
    public const string ClosingClass = "letter-closing";

    private static readonly string[] Closings = ["Hoogachtend,", "Met vriendelijke groet,", "Met vriendelijke groeten,"];

    /// <summary>Whether a paragraph is the letter's closing, after which room is left to sign.</summary>
    public static bool IsClosing(ParagraphBlock paragraph) =>
        paragraph.Inline is { } inline && Closings.Contains(string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim(), StringComparer.Ordinal);

    /// <summary>Runs HTML through the sanitizer: only the tags, attributes and URL schemes a letter needs remain.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>Whether a link or image target is one people may follow: http, https, mailto, or relative (a footnote's <c>#fn:1</c>).</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so look at the URL without them.
        var compact = string.Concat(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            return true; // relative: no scheme before the path, query or fragment
        }

        var scheme = compact[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void DropUnsafeTargets(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url)).ToList())
        {
            ReplaceWithText(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !IsSafeUrl(l.Url)).ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    /// <summary>A link keeps its text; an image keeps its description.</summary>
    private static void ReplaceWithText(LinkInline link)
    {
        var text = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            text.AppendChild(child);
        }

        link.ReplaceBy(text);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "ins", "mark", "sup", "sub",
                "ul", "ol", "li", "blockquote", "code", "pre", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "div", "section", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "id", "class", "start", "scope", "colspan", "rowspan", "style" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedSchemes = new HashSet<string>(SafeSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        return new HtmlSanitizer(options);
    }
}
