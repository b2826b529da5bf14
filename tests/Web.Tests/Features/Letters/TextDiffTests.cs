using Bunit;
using Governance.Web.Components.Shared;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Letters;

public class TextDiffTests : ComponentTestContext
{
    private IRenderedComponent<TextDiff> Render(string before, string after) => Context.Render<TextDiff>(p => p
        .Add(d => d.OldText, before).Add(d => d.NewText, after).Add(d => d.OldTitle, "Versie 1").Add(d => d.NewTitle, "Versie 2"));

    [Fact]
    public void Changed_added_and_removed_lines_are_shown_side_by_side_and_named_in_text()
    {
        var diff = Render("De waarde was 92,9 %.\nOngewijzigd.\nWeg.\n", "De waarde was 93,9 %.\nOngewijzigd.\nNieuw.\nErbij.\n");

        Assert.Equal("2 regels gewijzigd, 1 toegevoegd, 0 verwijderd.", diff.Find("[data-testid=diff-summary]").TextContent.Trim());
        var rows = diff.FindAll("tbody tr");
        Assert.Contains("was: De waarde was 92,9 %.", rows[0].Children[0].TextContent);
        Assert.Contains("wordt: De waarde was 93,9 %.", rows[0].Children[1].TextContent);
        Assert.Equal("Ongewijzigd.", rows[1].Children[0].TextContent);
        Assert.Contains(rows, r => r.Children[1].TextContent == "toegevoegd: Erbij." && r.Children[1].ClassName == "diff-inserted");
        Assert.Equal(["Versie 1", "Versie 2"], diff.FindAll("thead th").Select(th => th.TextContent));
        // Within a changed line only the changed word is marked.
        Assert.Equal(["92,9"], rows[0].Children[0].QuerySelectorAll("del.diff-word").Select(w => w.TextContent.Trim(' ', '%', '.')));
        Assert.Equal(["93,9"], rows[0].Children[1].QuerySelectorAll("ins.diff-word").Select(w => w.TextContent.Trim(' ', '%', '.')));
    }

    [Fact]
    public void Equal_texts_have_no_differences()
    {
        var diff = Render("Hoogachtend,\n", "Hoogachtend,\n");
        Assert.Equal("Geen verschillen.", diff.Find("[data-testid=diff-none]").TextContent);
        Assert.Empty(diff.FindAll("table"));
    }
}
