using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

public sealed record CategoryValue(string Category, decimal Value);

/// <summary>
/// What was measured for an indicator in a period: a number, a text, numbers per category, or
/// an explicit "not available" with its reason. A missing figure is never a zero.
/// </summary>
public sealed record IndicatorValue
{
    public const int TextMaxLength = 20_000;
    public const int ReasonMaxLength = 1_000;

    private IndicatorValue()
    {
    }

    public decimal? Number { get; private init; }

    public string? Text { get; private init; }

    public IReadOnlyList<CategoryValue>? Breakdown { get; private init; }

    public string? NotAvailableReason { get; private init; }

    public bool IsNotAvailable => NotAvailableReason is not null;

    public static IndicatorValue OfNumber(decimal number) => new() { Number = number };

    public static IndicatorValue OfText(string text) =>
        new() { Text = Guard.Text(text, "Text", TextMaxLength) };

    public static IndicatorValue OfBreakdown(IEnumerable<CategoryValue> values) =>
        new() { Breakdown = [.. values] };

    public static IndicatorValue NotAvailable(string reason) =>
        new() { NotAvailableReason = Guard.Text(reason, "Reason", ReasonMaxLength) };

    /// <summary>For the database only: rebuilds a value from its stored columns.</summary>
    internal static IndicatorValue FromStorage(decimal? number, string? text, IReadOnlyList<CategoryValue>? breakdown, string? reason) =>
        new() { Number = number, Text = text, Breakdown = breakdown, NotAvailableReason = reason };

    /// <summary>Whether this value fits the indicator as defined: its kind, unit range and decimals. The reasons are for the people entering values, in Dutch.</summary>
    public Result FitsDefinition(IndicatorDefinition definition)
    {
        if (IsNotAvailable)
        {
            return Result.Success();
        }

        return definition.Kind switch
        {
            IndicatorKind.Narrative => Text is not null ? Result.Success() : Misfit(definition, "een tekst"),
            IndicatorKind.Breakdown => FitsBreakdown(definition),
            _ => Number is { } n ? FitsNumber(definition, n) : Misfit(definition, "een getal"),
        };
    }

    /// <summary>
    /// The one figure that stands for this value, as its definition gives it meaning: the number; for a breakdown of
    /// parts their total, for a budget line the expected exhaustion; none for separate measures (they are never added)
    /// or a text.
    /// </summary>
    public decimal? FigureFor(IndicatorDefinition definition) => Number ?? (Breakdown is { } parts ? Figure(definition.Nature, [.. parts.Select(p => p.Value)]) : null);

    /// <summary>The one figure of a breakdown's parts (in the definition's order) as its nature gives it, if it has one.</summary>
    public static decimal? Figure(BreakdownNature nature, IReadOnlyList<decimal> parts) => nature switch
    {
        BreakdownNature.Parts => parts.Sum(),
        BreakdownNature.Budget => parts.Count == 3 ? parts[2] : null,
        _ => null,
    };

    private Result FitsBreakdown(IndicatorDefinition definition)
    {
        if (Breakdown is null)
        {
            return Misfit(definition, "een waarde per categorie");
        }

        var unknown = Breakdown.Select(b => b.Category).Except(definition.Categories, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        if (unknown is not null)
        {
            return new ValueDoesNotFit(definition.Name, $"'{unknown}' is geen categorie van deze indicator.");
        }

        if (Breakdown.GroupBy(b => b.Category, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            return new ValueDoesNotFit(definition.Name, "Elke categorie heeft één waarde.");
        }

        var missing = definition.Categories.Except(Breakdown.Select(b => b.Category), StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        if (missing is not null)
        {
            return new ValueDoesNotFit(definition.Name, $"Categorie '{missing}' heeft geen waarde.");
        }

        // Category values follow the unit of the breakdown: amounts in euros may be negative, anything else is counted.
        var asKind = definition.Unit == "EUR" ? IndicatorKind.Amount : IndicatorKind.Count;
        return Breakdown.Select(b => FitsNumber(definition, b.Value, asKind)).FirstOrDefault(r => !r.Succeeded);
    }

    private static Result FitsNumber(IndicatorDefinition definition, decimal value, IndicatorKind? asKind = null)
    {
        var kind = asKind ?? definition.Kind;
        var decimals = definition.Decimals;
        if (decimal.Round(value, decimals) != value)
        {
            return new ValueDoesNotFit(definition.Name, decimals == 0
                ? "Een geheel getal verwacht."
                : $"Hooguit {decimals} decimalen verwacht.");
        }

        return kind switch
        {
            IndicatorKind.Count or IndicatorKind.Duration when value < 0 =>
                new ValueDoesNotFit(definition.Name, "De waarde kan niet negatief zijn."),
            IndicatorKind.Percentage when value is < 0 or > 100 =>
                new ValueDoesNotFit(definition.Name, "Een percentage ligt tussen 0 en 100."),
            _ => Result.Success(),
        };
    }

    private static Result Misfit(IndicatorDefinition definition, string expected) =>
        new ValueDoesNotFit(definition.Name, $"Deze indicator verwacht {expected}.");
}
