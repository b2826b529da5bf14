using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// A derived indicator's values, computed per period from its inputs' values as handed in: never stored, so a
/// corrected input corrects the derived value everywhere it is shown next. A period counts when every input has a
/// value in it; when one of them is not available, neither is the derived value, with the reason. A period none of
/// its inputs covers keeps a value handed in for the derived indicator itself, as an imported earlier report has.
/// </summary>
public sealed class DerivedValues(
    DerivedIndicators catalogue,
    IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>> histories,
    Func<IndicatorId, int, IndicatorDefinition?> definitionAt,
    Func<IndicatorId, string> nameOf)
{
    private readonly Dictionary<IndicatorId, IReadOnlyList<PeriodValue>> _computed = [];

    /// <summary>
    /// What computing <paramref name="derivedIds"/> takes, read in one go: the histories and definitions of everything their
    /// formulas read (through derived inputs), and their own handed-in values; with <paramref name="measured"/>, the
    /// histories of those indicators too, in the same query, so that <see cref="HistoryOf(IndicatorId)"/> answers for them.
    /// </summary>
    public static async Task<DerivedValues> LoadAsync(
        GovernanceDbContext db, DerivedIndicators catalogue, IReadOnlyCollection<IndicatorId> derivedIds, CancellationToken cancellationToken,
        IReadOnlyCollection<IndicatorId>? measured = null)
    {
        if (derivedIds.Count == 0 && measured is not { Count: > 0 })
        {
            return new DerivedValues(catalogue, new Dictionary<IndicatorId, IReadOnlyList<PeriodValue>>(), (_, _) => null, id => id.ToString());
        }

        var ids = derivedIds.Count == 0 ? [] : catalogue.Closure(derivedIds);
        var histories = await IndicatorHistory.LoadManyAsync(db, [.. ids.Concat(measured ?? [])], cancellationToken);
        var definitions = ids.Count == 0 ? [] : await db.IndicatorDefinitions.AsNoTracking().Where(d => ids.Contains(d.IndicatorId)).ToListAsync(cancellationToken);
        var latest = definitions.GroupBy(d => d.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.VersionNumber)!);
        return new DerivedValues(catalogue, histories,
            (id, version) => definitions.FirstOrDefault(d => d.IndicatorId == id && d.VersionNumber == version) ?? latest.GetValueOrDefault(id),
            id => latest.TryGetValue(id, out var d) ? d.Name : id.ToString());
    }

    /// <summary>The history of any indicator: as handed in for a measured one, computed for a derived one.</summary>
    public IReadOnlyList<PeriodValue> HistoryOf(IndicatorId id) => HistoryOf(id, 0);

    /// <summary>The figure an input of <paramref name="derived"/> had in a value's period: a category of a breakdown, or the one figure of its value.</summary>
    public decimal? FigureOf(IndicatorId derived, FormulaInput input, ReportingPeriod period) =>
        Input(derived, input) is { } id && HistoryOf(id).For(period) is { } value ? Figure(id, input, value) : null;

    /// <summary>The indicator an input of <paramref name="derived"/> reads.</summary>
    public IndicatorId? Input(IndicatorId derived, FormulaInput input) => catalogue.Resolve(derived, input.Code);

    private IReadOnlyList<PeriodValue> HistoryOf(IndicatorId id, int depth)
    {
        if (catalogue.DefinitionOf(id) is not { } definition)
        {
            return histories.GetValueOrDefault(id) ?? [];
        }

        if (_computed.TryGetValue(id, out var known))
        {
            return known;
        }

        var formula = definition.ParsedFormula!;
        var inputs = formula.Inputs.Select(input => (Input: input, Id: catalogue.Resolve(id, input.Code))).ToList();
        if (depth > DerivedIndicators.MaxNesting || inputs.Any(i => i.Id is null))
        {
            return _computed[id] = [];
        }

        var inputHistories = inputs.ToDictionary(i => i.Input, i => HistoryOf(i.Id!.Value, depth + 1));
        var periods = inputHistories.Values.Select(h => h.Select(v => v.Period).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var values = new List<PeriodValue>();
        foreach (var period in periods.Order())
        {
            var at = inputs.ToDictionary(i => i.Input, i => inputHistories[i.Input].For(period)!);
            var recordedAt = at.Values.Max(v => v.RecordedAtUtc);
            var missing = inputs.FirstOrDefault(i => at[i.Input].Value.IsNotAvailable);
            IndicatorValue value;
            if (missing.Id is { } absent)
            {
                value = IndicatorValue.NotAvailable($"Niet te berekenen: '{nameOf(absent)}' is niet beschikbaar ({at[missing.Input].Value.NotAvailableReason}).");
            }
            else
            {
                var outcome = formula.Evaluate(input => Figure(inputs.First(i => i.Input == input).Id!.Value, input, at[input]), input => $"'{Named(id, input)}'");
                value = outcome.Value is { } figure
                    ? IndicatorValue.OfNumber(decimal.Round(figure, definition.Decimals, MidpointRounding.AwayFromZero))
                    : IndicatorValue.NotAvailable($"Niet te berekenen: {outcome.Reason}.");
            }

            values.Add(new PeriodValue(period, value, null, null, recordedAt, definition.VersionNumber));
        }

        // A figure handed in for the derived indicator itself (an earlier report brought over with only the share) fills a
        // period its inputs do not cover.
        // So does one that says more than "not to be computed" where an input was not available.
        var stored = (histories.GetValueOrDefault(id) ?? []).ToDictionary(v => v.Period);
        return _computed[id] = [.. values
            .Select(v => v.Value.IsNotAvailable && stored.TryGetValue(v.Period, out var given) ? given : v)
            .Concat(stored.Values.Where(v => !periods.Contains(v.Period)))
            .OrderBy(v => v.Period)];
    }

    /// <summary>How an input is named in words: the indicator's name, and the category after a comma.</summary>
    public string Named(IndicatorId derived, FormulaInput input) =>
        Input(derived, input) is { } id ? (input.Category is null ? nameOf(id) : $"{nameOf(id)}, {input.Category}") : input.ToString();

    private decimal? Figure(IndicatorId id, FormulaInput input, PeriodValue value)
    {
        if (value.Value.IsNotAvailable)
        {
            return null;
        }

        if (input.Category is { } category)
        {
            return value.Value.Breakdown?.FirstOrDefault(c => string.Equals(c.Category, category, StringComparison.OrdinalIgnoreCase))?.Value;
        }

        return value.Value.Number ?? (definitionAt(id, value.DefinitionVersion) is { } definition ? value.Value.FigureFor(definition) : null);
    }
}
