using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Indicators;

/// <summary>A derived indicator's formula against the municipality's catalogue: what it reads must exist, be in use, be a figure, and not lead back to it.</summary>
internal static class IndicatorFormulas
{
    /// <summary>
    /// What is wrong with the formula, in Dutch for the person who wrote it; none when it can be computed. The indicator
    /// it is for is <paramref name="self"/> (none while it is being defined) with code <paramref name="selfCode"/>.
    /// </summary>
    public static async Task<string?> CheckAsync(GovernanceDbContext db, IndicatorId? self, string selfCode, IndicatorFormula formula, CancellationToken cancellationToken)
    {
        var codes = formula.Codes.ToList();
        var found = await db.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => codes.Contains(i.Code)).ToListAsync(cancellationToken);
        foreach (var input in formula.Inputs)
        {
            if (input.Code == selfCode)
            {
                return $"{input}: een indicator wordt niet uit zichzelf berekend.";
            }

            var indicator = found.FirstOrDefault(i => i.Code == input.Code);
            if (indicator is null)
            {
                return $"{input}: er is geen indicator met code {input.Code}.";
            }

            if (indicator.IsRetired)
            {
                return $"{input}: indicator {input.Code} is buiten gebruik.";
            }

            var current = indicator.Current;
            if (input.Category is { } category)
            {
                if (current.Kind != IndicatorKind.Breakdown)
                {
                    return $"{input}: {input.Code} is geen uitsplitsing; laat de categorie weg.";
                }

                if (!current.Categories.Contains(category, StringComparer.OrdinalIgnoreCase))
                {
                    return $"{input}: {input.Code} heeft geen categorie '{category}' (wel: {string.Join(", ", current.Categories)}).";
                }
            }
            else if (current.Kind == IndicatorKind.Narrative)
            {
                return $"{input}: {input.Code} is een tekst; daarmee wordt niet gerekend.";
            }
            else if (current.Kind == IndicatorKind.Breakdown && current.Nature == BreakdownNature.Separate)
            {
                return $"{input}: {input.Code} bestaat uit afzonderlijke maten zonder totaal; kies er een, zoals [{input.Code}:{current.Categories[0]}].";
            }
        }

        // A derived input may itself be derived, but never lead back to this indicator, and not deeper than a few steps.
        var derived = await DerivedIndicators.LoadAsync(db, cancellationToken);
        var level = found.Select(i => i.Id).ToList();
        for (var depth = 1; level.Count > 0; depth++)
        {
            if (self is { } id && level.Contains(id))
            {
                return "De formule leidt via andere berekende indicatoren terug naar deze indicator.";
            }

            if (depth > DerivedIndicators.MaxNesting)
            {
                return $"Berekende indicatoren bouwen hooguit {DerivedIndicators.MaxNesting} stappen op elkaar voort.";
            }

            level = [.. level.SelectMany(derived.InputsOf).Distinct()];
        }

        return null;
    }

    /// <summary>What is wrong with a benchmark, in Dutch; none when it is a figure of the same kind, in use, and not the indicator itself.</summary>
    public static async Task<string?> CheckBenchmarkAsync(GovernanceDbContext db, string selfCode, IndicatorKind kind, string benchmark, CancellationToken cancellationToken)
    {
        if (benchmark == selfCode)
        {
            return "Een indicator wordt niet met zichzelf vergeleken.";
        }

        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Definitions).SingleOrDefaultAsync(i => i.Code == benchmark, cancellationToken);
        return indicator switch
        {
            null => $"Er is geen indicator met code {benchmark}.",
            { IsRetired: true } => $"Indicator {benchmark} is buiten gebruik.",
            _ when indicator.Current.Kind != kind => $"{benchmark} is geen {KindWord(kind)}; een vergelijkingscijfer meet hetzelfde soort getal.",
            _ => null,
        };
    }

    /// <summary>The first indicator in use whose formula reads <paramref name="indicator"/> or that is set beside it, as "code (name)"; none if there is none.</summary>
    public static async Task<string?> ReadByAsync(GovernanceDbContext db, Indicator indicator, CancellationToken cancellationToken)
    {
        var derived = await DerivedIndicators.LoadAsync(db, cancellationToken);
        var readers = await db.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => i.RetiredOn == null && i.Id != indicator.Id).ToListAsync(cancellationToken);
        var reader = readers.FirstOrDefault(r => (derived.IsDerived(r.Id) && derived.InputsOf(r.Id).Contains(indicator.Id)) || r.Current.Benchmark == indicator.Code);
        return reader is null ? null : $"{reader.Code} ({reader.Current.Name})";
    }

    private static string KindWord(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "aantal",
        IndicatorKind.Percentage => "percentage",
        IndicatorKind.Amount => "bedrag",
        _ => "duur",
    };
}
