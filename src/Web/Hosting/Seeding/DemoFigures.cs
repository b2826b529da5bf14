using System.Globalization;
using Governance.Domain.Indicators;
using Governance.Workflows.ReportingCycles;

namespace Governance.Web.Hosting.Seeding;

/// <summary>Plausible demo values for the open demo cycles, near the 2021 monitor figures; <c>step</c> moves them a little per period.</summary>
internal static class DemoFigures
{
    private static readonly Dictionary<string, decimal> Numbers = new()
    {
        ["SD-INWONERS"] = 22_104, ["SD-INWONERS-PCT"] = 18.1m, ["SD-HUISHOUDENS"] = 15_611, ["WMO-CLIENTEN"] = 12_030, ["JH-JONGEREN"] = 3_041,
        ["PW-INWONERS"] = 9_210, ["PW-BIJSTAND"] = 3_580, ["SD-BUDGET"] = 131_400_000, ["SD-RESULTAAT"] = 9_870_000, ["SCHULD-HUISHOUDENS"] = 7.0m,
        ["VADP-WJ-E"] = 1_214, ["VADP-WJ-G"] = 10_842, ["VADP-PW-G"] = 4_312_500,
    };

    private static readonly Dictionary<string, decimal[]> Breakdowns = new()
    {
        ["VADP-WJ-F"] = [640, 585, 112],
        ["VADP-WJ-H"] = [48_200_000, 24_650_000, 49_100_000],
        ["VADP-PW-A"] = [214, 96, 38, 12, 41],
    };

    public static CycleValueInput For(string code, IndicatorDefinition definition, string period, int step)
    {
        var drift = 1 + step * 0.02m;
        return definition.Kind switch
        {
            IndicatorKind.Narrative => new CycleValueInput(code, Text: Narrative(definition, period, step), Source: definition.Source),
            IndicatorKind.Breakdown => new CycleValueInput(code, Breakdown: [.. definition.Categories.Select((c, i) =>
                new CategoryValue(c, Math.Round((Breakdowns.TryGetValue(code, out var parts) && i < parts.Length ? parts[i] : 100 + i * 25) * drift, 0)))], Source: definition.Source),
            IndicatorKind.Percentage => new CycleValueInput(code, Number: Math.Round(Numbers.GetValueOrDefault(code, 50) + step * 0.3m, definition.Decimals), Source: definition.Source),
            _ => new CycleValueInput(code, Number: Math.Round(Numbers.GetValueOrDefault(code, 1_000) * drift, definition.Decimals), Source: definition.Source),
        };
    }

    private static string Narrative(IndicatorDefinition definition, string period, int step) => string.Create(CultureInfo.InvariantCulture,
        $"In het {period} is de uitvoering volgens de afspraken verlopen. {(step == 0 ? "Er zijn geen bijzonderheden gemeld." : "Ten opzichte van de vorige rapportage zijn er geen wezenlijke wijzigingen; de aandachtspunten uit de vorige brief worden gevolgd.")} Bron: {definition.Source ?? "eigen registratie"}.");
}
