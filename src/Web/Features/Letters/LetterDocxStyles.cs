using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Governance.Web.Features.Letters;

/// <summary>The styles and the bullet list of a letter's Word document: headings are real headings (outline levels) for navigation and screen readers.</summary>
internal static class LetterDocxStyles
{
    public const int BulletNumbering = 1;

    public static void Add(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "21" }, new Languages { Val = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", null, "32", before: "240"),
            Heading("Heading1", "heading 1", 0, "28", before: "360"),
            Heading("Heading2", "heading 2", 1, "24", before: "280"),
            Heading("Heading3", "heading 3", 2, "22", before: "200"),
            new Style(new StyleName { Val = "Subtitle" }, new BasedOn { Val = "Normal" },
                new StyleRunProperties(new Color { Val = "424242" }, new FontSize { Val = "18" })) { Type = StyleValues.Paragraph, StyleId = "Subtitle" },
            new Style(new StyleName { Val = "Header Label" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "40" }),
                new StyleRunProperties(new Color { Val = "424242" }, new FontSize { Val = "16" })) { Type = StyleValues.Paragraph, StyleId = "HeaderLabel" },
            new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60" })) { Type = StyleValues.Paragraph, StyleId = "ListBullet" },
            new Style(new StyleName { Val = "footnote text" }, new BasedOn { Val = "Normal" },
                new StyleRunProperties(new FontSize { Val = "17" })) { Type = StyleValues.Paragraph, StyleId = "FootnoteText" },
            // "Hoogachtend,": about two and a half centimetres below it to sign, kept on the page with the names.
            new Style(new StyleName { Val = "Closing" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "1440" })) { Type = StyleValues.Paragraph, StyleId = "Closing" },
            new Style(new StyleName { Val = "Draft Mark" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Right }),
                new StyleRunProperties(new Color { Val = "A4262C" }, new Spacing { Val = 40 }, new FontSize { Val = "24" })) { Type = StyleValues.Paragraph, StyleId = "DraftMark" });
        styles.Styles.Save();

        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumbering });
        numbering.Numbering.Save();
    }

    private static Style Heading(string id, string name, int? outline, string size, string before)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = before, After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph,
            new StyleRunProperties(new Bold(), new Color { Val = "1A1A1A" }, new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
