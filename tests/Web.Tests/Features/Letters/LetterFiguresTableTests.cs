using Bunit;
using Governance.Web.Features.Letters;
using Governance.Web.Hosting;
using Governance.Web.Tests.Support;
using Governance.Workflows.Letters;

namespace Governance.Web.Tests.Features.Letters;

public class LetterFiguresTableTests : ComponentTestContext
{
    private static readonly Guid Cycle = Guid.NewGuid();

    private static LetterModel Figures => LetterSamples.Sample with
    {
        Items =
        [
            LetterSamples.Sample.Items[0] with { Code = "WMO-TIJDIG", Origin = new LetterOrigin("Sanne Peeters", "3 februari 2026", 2, "Wmo-registratie", ["besluiten-2025.xlsx"]) },
            LetterSamples.Sample.Items[1],
        ],
    };

    [Fact]
    public void Each_figure_links_to_its_origin_in_the_cycle_for_those_who_read_cycles()
    {
        SignIn("Anouk Janssen", ["Griffie"], [Policies.ReadCycles]);

        var table = Context.Render<LetterFiguresTable>(p => p.Add(t => t.Figures, Figures).Add(t => t.CycleId, Cycle));

        var link = Assert.Single(table.FindAll("[data-testid=figure-origin]"));
        Assert.Equal($"/cycles/{Cycle}#herkomst-WMO-TIJDIG", link.GetAttribute("href"));
        Assert.Equal("Herkomst van Wmo-aanvragen binnen 8 weken afgehandeld", link.GetAttribute("aria-label"));
    }

    [Fact]
    public void A_council_member_sees_the_figures_with_their_origin_in_words_instead_of_links_to_cycles_they_may_not_read()
    {
        SignIn("Raadslid", ["Raadslid"]);

        var table = Context.Render<LetterFiguresTable>(p => p.Add(t => t.Figures, Figures).Add(t => t.CycleId, Cycle));

        Assert.Empty(table.FindAll("[data-testid=figure-origin]"));
        Assert.Contains("Wmo-aanvragen binnen 8 weken afgehandeld", table.Markup);
        // Where the figure came from, in words instead of a link.
        Assert.Equal("Aangeleverd door Sanne Peeters op 3 februari 2026 · definitie versie 2 · bron: Wmo-registratie · bijlagen: besluiten-2025.xlsx",
            Assert.Single(table.FindAll("[data-testid=figure-origin-text]")).TextContent);
    }
}
