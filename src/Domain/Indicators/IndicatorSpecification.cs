using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Indicators;

/// <summary>What an indicator means and how it is measured: the content of one definition version.</summary>
public sealed record IndicatorSpecification
{
    public const int NameMaxLength = 200;
    public const int DefinitionMaxLength = 4000;
    public const int UnitMaxLength = 40;
    public const int SourceMaxLength = 200;
    public const int CategoryMaxLength = 100;
    public const int CaveatMaxLength = 1000;

    public required string Name { get; init; }

    public required string Definition { get; init; }

    public required IndicatorKind Kind { get; init; }

    /// <summary>"%" for percentages, "EUR" for amounts, "dagen"/"weken" for durations, a noun for counts.</summary>
    public string? Unit { get; init; }

    public int Decimals { get; init; }

    public required string Source { get; init; }

    public required TeamId ResponsibleTeamId { get; init; }

    public GoodDirection GoodDirection { get; init; } = GoodDirection.Neutral;

    public Baseline? Baseline { get; init; }

    public Target? Target { get; init; }

    /// <summary>The categories of a breakdown, in display order.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>What the categories of a breakdown are to each other; for other kinds always <see cref="BreakdownNature.Separate"/>.</summary>
    public BreakdownNature Nature { get; init; }

    /// <summary>Amounts are written in millions in letters: "€ 126,57 miljoen".</summary>
    public bool InMillions { get; init; }

    /// <summary>
    /// For a derived indicator, how it is computed from others (<see cref="IndicatorFormula"/>): nobody is asked for its
    /// value, it follows from its inputs in each period.
    /// </summary>
    public string? Formula { get; init; }

    /// <summary>
    /// The code of the indicator that holds the same measure elsewhere, usually nationally (the CBS figure): letters set the
    /// figure beside it ("Ter vergelijking, landelijk: 13,0 %") and the cycles ask for it with this one.
    /// </summary>
    public string? Benchmark { get; init; }

    /// <summary>What a reader should know about the figures' quality or comparability ("niet zonder meer te vergelijken"); letters print it with them.</summary>
    public string? Caveat { get; init; }

    /// <summary>Checks the specification is coherent; throws on a broken rule (callers validate input first).</summary>
    public IndicatorSpecification Checked()
    {
        Guard.Text(Name, nameof(Name), NameMaxLength);
        Guard.Text(Definition, nameof(Definition), DefinitionMaxLength);
        Guard.Text(Source, nameof(Source), SourceMaxLength);
        Guard.OptionalText(Unit, nameof(Unit), UnitMaxLength);
        if (Decimals is < 0 or > 4)
        {
            throw new DomainRuleException("An indicator has 0 to 4 decimals.");
        }

        if (!Kind.IsNumeric() && (Baseline is not null || Target is not null))
        {
            throw new DomainRuleException("Only numeric indicators have a baseline or a target.");
        }

        if (Kind is IndicatorKind.Count or IndicatorKind.Narrative && Decimals != 0)
        {
            throw new DomainRuleException("A count has no decimals.");
        }

        if (Kind == IndicatorKind.Percentage && Unit is not (null or "%"))
        {
            throw new DomainRuleException("A percentage is expressed in %.");
        }

        if (Kind == IndicatorKind.Breakdown)
        {
            if (Categories.Count == 0)
            {
                throw new DomainRuleException("A breakdown needs at least one category.");
            }

            if (Categories.Select(c => Guard.Text(c, "Category", CategoryMaxLength)).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Categories.Count)
            {
                throw new DomainRuleException("The categories of a breakdown are distinct.");
            }

            if (Nature == BreakdownNature.Budget && (Categories.Count != 3 || Unit?.Trim() != "EUR"))
            {
                throw new DomainRuleException("A budget line has three categories in euros: budgeted, realised and expected.");
            }
        }
        else if (Categories.Count > 0)
        {
            throw new DomainRuleException("Only a breakdown has categories.");
        }
        else if (Nature != BreakdownNature.Separate)
        {
            throw new DomainRuleException("Only a breakdown has a nature.");
        }

        if (InMillions && !Kind.IsInEuros(Unit))
        {
            throw new DomainRuleException("Only amounts in euros are written in millions.");
        }

        if (Baseline is not null && Target is not null && Target.Year < Baseline.MeasuredOn.Year)
        {
            throw new DomainRuleException("The target year cannot lie before the baseline.");
        }

        foreach (var value in new[] { Baseline?.Value, Target?.Value }.OfType<decimal>())
        {
            if (Kind == IndicatorKind.Percentage && value is < 0 or > 100)
            {
                throw new DomainRuleException("A percentage lies between 0 and 100.");
            }
        }

        Guard.OptionalText(Caveat, nameof(Caveat), CaveatMaxLength);
        var benchmark = string.IsNullOrWhiteSpace(Benchmark) ? null : Indicator.NormaliseCode(Benchmark);
        if (benchmark is not null && !Kind.IsNumeric())
        {
            throw new DomainRuleException("Only a number is set beside a benchmark.");
        }

        string? formula = null;
        if (!string.IsNullOrWhiteSpace(Formula))
        {
            if (!Kind.IsNumeric())
            {
                throw new DomainRuleException("Only a number (count, percentage, amount or duration) is computed by a formula.");
            }

            var parsed = IndicatorFormula.Parse(Formula);
            formula = parsed.Succeeded ? parsed.Value.Text : throw new DomainRuleException($"Formula: {parsed.Error.Message}");
        }

        return this with
        {
            Unit = Kind == IndicatorKind.Percentage ? "%" : Unit?.Trim(),
            Formula = formula,
            Benchmark = benchmark,
            Caveat = string.IsNullOrWhiteSpace(Caveat) ? null : Caveat.Trim(),
        };
    }
}
