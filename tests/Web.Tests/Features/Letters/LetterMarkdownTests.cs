using Governance.Web.Features.Letters;

namespace Governance.Web.Tests.Features.Letters;

public sealed class LetterMarkdownTests
{
    public static TheoryData<string> Payloads =>
    [
        "[klik](javascript:alert(8))",
        "[klik](JaVaScRiPt:alert(8))",
        "[klik](java\tscript:alert(8))",
        "[klik](&#x6A;avascript:alert(8))",
        "[klik](  javascript:alert(8))",
        "[klik](vbscript:msgbox(8))",
        "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)",
        "![grafiek](javascript:alert(8))",
        "![grafiek](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoOCk+)",
        "[klik][x]\n\n[x]: javascript:alert(8)",
        "<javascript:alert(8)>",
        "<script>alert(8)</script>",
        "<img src=x onerror=alert(8)>",
        "<svg onload=alert(8)><circle/></svg>",
        "<a href=\"javascript:alert(8)\">klik</a>",
        "[<img src=x onerror=alert(8)>](https://example.org)",
        "| a |\n|---|\n| <iframe src=javascript:alert(8)> |",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void No_script_survives_in_the_html_of_a_letter_text(string markdown)
    {
        var html = LetterMarkdown.ToHtml(markdown);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, svg, iframe, object, embed, style"));
        foreach (var element in document.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var target in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>())
            {
                Assert.True(LetterMarkdown.IsSafeUrl(target), $"{element.TagName} points at {target}");
                Assert.DoesNotMatch("(?i)^\\s*(javascript|vbscript|data):", target);
            }
        }
    }

    [Fact]
    public void A_link_with_an_unsafe_target_keeps_its_text_and_loses_its_target()
    {
        var html = LetterMarkdown.ToHtml("Zie [de monitor](javascript:alert(8)) voor meer.");

        Assert.Equal("<p>Zie de monitor voor meer.</p>", html.Trim());
    }

    [Fact]
    public void Safe_links_images_footnotes_and_tables_stay_as_written()
    {
        var html = LetterMarkdown.ToHtml(
            "Zie [de monitor](https://maastricht.incijfers.nl/), [mail](mailto:griffie@maastricht.nl), [bijlage](/letters/1/pdf) en ![logo](images/logo.png).[^1]\n\n" +
            "| Jaar | Waarde |\n|:--|--:|\n| 2021 | 93,9 % |\n\n[^1]: Bron: Wmo-registratie");

        Assert.Contains("<a href=\"https://maastricht.incijfers.nl/\">de monitor</a>", html);
        Assert.Contains("<a href=\"mailto:griffie@maastricht.nl\">mail</a>", html);
        Assert.Contains("<a href=\"/letters/1/pdf\">bijlage</a>", html);
        Assert.Contains("<img src=\"images/logo.png\" alt=\"logo\">", html);
        Assert.Contains("href=\"#fn:1\"", html);
        Assert.Contains("<td style=\"text-align: right\">93,9 %</td>", html);
        Assert.Contains("Bron: Wmo-registratie", html);
    }

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("mailto:a@b.nl", true)]
    [InlineData("/api/letters/1", true)]
    [InlineData("#fn:1", true)]
    [InlineData("bijlage.pdf?x=a:b", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Only_http_https_mailto_and_relative_urls_are_safe(string url, bool safe) =>
        Assert.Equal(safe, LetterMarkdown.IsSafeUrl(url));

    [Fact]
    public void The_closing_leaves_room_to_sign_in_html_and_in_the_blocks_of_docx_and_pdf()
    {
        const string body = "De cijfers.\n\nHoogachtend,\n\n**Johan Pas**  \nWethouder";

        Assert.Contains("<p class=\"letter-closing\">Hoogachtend,</p>", LetterMarkdown.ToHtml(body));
        Assert.DoesNotContain("class=\"letter-closing\">De cijfers", LetterMarkdown.ToHtml(body));
        Assert.Equal([false, true, false], LetterBlocks.Parse(body).OfType<LetterBlocks.Paragraph>().Select(p => p.Closing));
    }

    [Fact]
    public void The_plain_text_of_a_letter_is_what_a_reader_sees_one_line_per_block()
    {
        const string body = "## Budget\n\nHet ging om **2.834 aanvragen**.[^1]\n\n- Ten opzichte van 2020 gestegen.\n\n| Categorie | Aantal |\n|:--|--:|\n| Instroom | 640 |\n\n[^1]: Bron: Monitor";

        Assert.Equal("Budget\nHet ging om 2.834 aanvragen.¹\n• Ten opzichte van 2020 gestegen.\nCategorie | Aantal\nInstroom | 640\n¹ Bron: Monitor", LetterBlocks.PlainText(body));
    }
}
