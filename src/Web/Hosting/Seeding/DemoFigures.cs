using Governance.Domain.Indicators;
using Governance.Workflows.ReportingCycles;

namespace Governance.Web.Hosting.Seeding;

/// <summary>
/// Plausible demo values for the open demo cycles, near the 2021 monitor figures; <c>step</c> is the cycle's place in the
/// demo (0 for the sent letter's quarter, 1 for the next) and moves the figures a little. Narrative items state facts,
/// as a team would hand them in; each text is its own, and a later quarter follows on from the earlier one.
/// </summary>
internal static class DemoFigures
{
    private static readonly Dictionary<string, decimal> Numbers = new()
    {
        ["SD-INWONERS"] = 22_104, ["SD-INWONERS-PCT"] = 18.1m, ["SD-HUISHOUDENS"] = 15_611, ["WMO-CLIENTEN"] = 12_030, ["JH-JONGEREN"] = 3_041,
        ["PW-INWONERS"] = 9_210, ["PW-BIJSTAND"] = 3_580, ["SD-BUDGET"] = 131_400_000, ["SD-RESULTAAT"] = 9_870_000, ["SCHULD-HUISHOUDENS"] = 7.0m,
        ["VADP-WJ-E"] = 1_214, ["VADP-WJ-G"] = 10_842, ["JH-AANDEEL"] = 17.1m, ["JH-AANDEEL-NL"] = 13.2m,
    };

    private static readonly Dictionary<string, decimal[]> Breakdowns = new()
    {
        ["VADP-WJ-F"] = [640, 585, 112],
        ["VADP-PW-A"] = [214, 96, 38, 12, 41],
    };

    /// <summary>Budget lines: the budget and the expected exhaustion; what is realised grows with the quarter.</summary>
    private static readonly Dictionary<string, (decimal Budget, decimal Expected)> Budgets = new()
    {
        ["VADP-WJ-H"] = (48_200_000, 49_100_000),
        ["VADP-PW-G"] = (4_400_000, 4_312_500),
    };

    /// <summary>Yearly figures told during the year: the figure is the budget or forecast as the berap gives it, not the annual account.</summary>
    private static readonly Dictionary<string, string> DuringTheYear = new()
    {
        ["SD-BUDGET"] = "Begroting na de 1e bestuursrapportage",
        ["SD-RESULTAAT"] = "Prognose in de 1e bestuursrapportage",
    };

    /// <summary>What each narrative item says in the demo's first and second quarter.</summary>
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["VADP-WJ-A"] =
        [
            "Het cliëntervaringsonderzoek Wmo en Jeugd over 2025 is door 1.412 inwoners ingevuld (respons 38 %). Van hen geeft 82 % aan dat de ondersteuning past bij de hulpvraag; bij Jeugd is dat 79 %.",
            "In dit kwartaal is geen nieuw cliëntervaringsonderzoek gehouden. Het onderzoek over 2026 verschijnt in het 2e kwartaal 2027; de cijfers in de vorige brief zijn de meest recente.",
        ],
        ["VADP-WJ-B"] =
        [
            "Met 46 van de 48 gecontracteerde aanbieders is het kwartaalgesprek gevoerd. Met twee aanbieders is een verbeterplan afgesproken over het tijdig declareren.",
            "Met alle 48 gecontracteerde aanbieders is het kwartaalgesprek gevoerd. Van de twee verbeterplannen uit het 2e kwartaal is er één afgerond; het andere loopt tot het einde van het jaar.",
        ],
        ["VADP-WJ-C"] =
        [
            "Van de 48 gecontracteerde aanbieders zijn er 19 klein (minder dan 25 cliënten). In het kwartaal zijn twee nieuwe aanbieders toegelaten; beide zijn klein en gevestigd in Maastricht.",
            "In dit kwartaal zijn geen nieuwe aanbieders toegelaten. Kleine aanbieders hadden 11 % van de zorgkosten Wmo en Jeugd.",
        ],
        ["VADP-WJ-D"] =
        [
            "Bij 94 % van de huishoudens met ondersteuning uit meer dan één wet is één casusregisseur aangewezen. De gemiddelde tijd van melding tot start van de ondersteuning was 6,2 weken.",
            "Bij 95 % van de huishoudens met ondersteuning uit meer dan één wet is één casusregisseur aangewezen. De gemiddelde tijd van melding tot start van de ondersteuning was 6,0 weken.",
        ],
        ["VADP-WJ-I"] =
        [
            "In het kwartaal hebben 1.128 mantelzorgers de mantelzorgwaardering aangevraagd, via de website of bij het Steunpunt Mantelzorg.",
            "In het kwartaal hebben 634 mantelzorgers de mantelzorgwaardering aangevraagd; de aanvraagperiode voor 2026 sloot op 1 september.",
        ],
        ["VADP-WJ-J"] =
        [
            "De zeven sociale wijkteams hebben samen 62 fte. Sinds 1 april heeft het team Maastricht-West een eigen schuldhulpverlener.",
            "De bezetting van de zeven sociale wijkteams is 61 fte; er staat één vacature open voor het team Maastricht-Oost.",
        ],
        ["VADP-WJ-K"] =
        [
            "Over Wmo en Jeugd kwamen 14 klachten en 37 bezwaarschriften binnen. De ombudsfunctie ontving 9 meldingen.",
            "Over Wmo en Jeugd kwamen 11 klachten en 41 bezwaarschriften binnen. De ombudsfunctie ontving 6 meldingen.",
        ],
        ["VADP-WJ-L"] =
        [
            "Van het innovatiebudget van € 400.000 is € 120.000 toegekend aan twee projecten: het digitaal aanvragen van hulpmiddelen en een pilot met preventief huisbezoek bij 75-plussers.",
            "De pilot met preventief huisbezoek heeft 212 inwoners van 75 jaar en ouder bezocht. Er zijn geen nieuwe projecten toegekend; van het innovatiebudget is € 280.000 nog niet besteed.",
        ],
        ["VADP-PW-B"] =
        [
            "Van de bijstandsgerechtigden nam 31 % deel aan een re-integratietraject; van de jongeren tot 27 jaar 44 %.",
            "Van de bijstandsgerechtigden nam 32 % deel aan een re-integratietraject; van de jongeren tot 27 jaar 45 %.",
        ],
        ["VADP-PW-C"] =
        [
            "Naar verdiencapaciteit: hoog 412 personen, midden 1.035 personen en laag 2.140 personen.",
            "Naar verdiencapaciteit: hoog 398 personen, midden 1.052 personen en laag 2.131 personen.",
        ],
        ["VADP-PW-D"] =
        [
            "Werkgevers in Zuid-Limburg hebben dit kwartaal 86 banen uit de banenafspraak ingevuld, waarvan 23 in Maastricht.",
            "Werkgevers in Zuid-Limburg hebben dit kwartaal 91 banen uit de banenafspraak ingevuld, waarvan 27 in Maastricht.",
        ],
        ["VADP-PW-E"] =
        [
            "Met de sociale werkvoorziening en de twee werkgeversservicepunten is het convenant ‘Samen aan het werk’ verlengd tot eind 2027.",
            "Via het convenant ‘Samen aan het werk’ zijn 18 mensen met een lage verdiencapaciteit bij regionale werkgevers geplaatst.",
        ],
        ["VADP-PW-F"] =
        [
            "Met de regionale mbo-instellingen is een gezamenlijk loket geopend voor jongeren zonder startkwalificatie; 57 jongeren meldden zich.",
            "Bij het loket voor jongeren zonder startkwalificatie meldden zich 49 jongeren; 21 van hen zijn teruggeleid naar een opleiding.",
        ],
    };

    public static CycleValueInput For(string code, IndicatorDefinition definition, string period, int step)
    {
        var drift = 1 + step * 0.02m;
        var input = Value(code, definition, period, step, drift);
        return DuringTheYear.TryGetValue(code, out var source) ? input with { Source = source } : input;
    }

    private static CycleValueInput Value(string code, IndicatorDefinition definition, string period, int step, decimal drift)
    {
        return definition.Kind switch
        {
            IndicatorKind.Narrative => new CycleValueInput(code, Text: Narrative(code, period, step), Source: definition.Source),
            IndicatorKind.Breakdown when Budgets.TryGetValue(code, out var budget) => new CycleValueInput(code, Breakdown:
            [
                new CategoryValue(definition.Categories[0], budget.Budget),
                new CategoryValue(definition.Categories[1], Math.Round(budget.Expected * (0.5m + 0.25m * step), 0)),
                new CategoryValue(definition.Categories[2], Math.Round(budget.Expected * drift, 0)),
            ], Source: definition.Source),
            IndicatorKind.Breakdown => new CycleValueInput(code, Breakdown: [.. definition.Categories.Select((c, i) =>
                new CategoryValue(c, Math.Round((Breakdowns.TryGetValue(code, out var parts) && i < parts.Length ? parts[i] : 100 + i * 25) * drift, 0)))], Source: definition.Source),
            IndicatorKind.Percentage => new CycleValueInput(code, Number: Math.Round(Numbers.GetValueOrDefault(code, 50) + step * 0.3m, definition.Decimals), Source: definition.Source),
            _ => new CycleValueInput(code, Number: Math.Round(Numbers.GetValueOrDefault(code, 1_000) * drift, definition.Decimals), Source: definition.Source),
        };
    }

    private static string Narrative(string code, string period, int step) =>
        Texts.TryGetValue(code, out var texts) ? texts[Math.Min(step, texts.Length - 1)] : $"Over het {period} zijn de gegevens aangeleverd; er is niets nieuws te melden.";
}
