using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Indicators;

/// <summary>
/// One version of an indicator's definition. Versions are never changed: a new definition is a
/// new version, and every recorded value keeps the version it was measured under.
/// </summary>
public sealed class IndicatorDefinition : Entity
{
    private List<string> _categories = [];

    private IndicatorDefinition()
    {
        IndicatorCode = null!;
        Name = null!;
        Definition = null!;
        Source = null!;
    }

    internal IndicatorDefinition(IndicatorId indicatorId, string indicatorCode, int versionNumber, IndicatorSpecification spec, DateTime validFromUtc)
    {
        spec = spec.Checked();
        Id = IndicatorDefinitionId.New();
        IndicatorId = indicatorId;
        IndicatorCode = indicatorCode;
        VersionNumber = versionNumber;
        ValidFromUtc = validFromUtc;
        Name = spec.Name.Trim();
        Definition = spec.Definition.Trim();
        Kind = spec.Kind;
        Unit = spec.Unit;
        Decimals = spec.Decimals;
        Source = spec.Source.Trim();
        ResponsibleTeamId = spec.ResponsibleTeamId;
        GoodDirection = spec.GoodDirection;
        Baseline = spec.Baseline;
        Target = spec.Target;
        _categories = [.. spec.Categories.Select(c => c.Trim())];
        Nature = spec.Nature;
        InMillions = spec.InMillions;
        Formula = spec.Formula;
        Benchmark = spec.Benchmark;
        Caveat = spec.Caveat;
    }

    public IndicatorDefinitionId Id { get; private set; }

    public IndicatorId IndicatorId { get; private set; }

    /// <summary>The code of the indicator this version defines (a code never changes), so a task planned from it can carry it.</summary>
    public string IndicatorCode { get; private set; }

    public int VersionNumber { get; private set; }

    public DateTime ValidFromUtc { get; private set; }

    public string Name { get; private set; }

    public string Definition { get; private set; }

    public IndicatorKind Kind { get; private set; }

    public string? Unit { get; private set; }

    public int Decimals { get; private set; }

    public string Source { get; private set; }

    public TeamId ResponsibleTeamId { get; private set; }

    public GoodDirection GoodDirection { get; private set; }

    public Baseline? Baseline { get; private set; }

    public Target? Target { get; private set; }

    public IReadOnlyList<string> Categories => _categories;

    /// <summary>What the categories of a breakdown are to each other.</summary>
    public BreakdownNature Nature { get; private set; }

    /// <summary>Letters write the amounts in millions: "€ 126,57 miljoen".</summary>
    public bool InMillions { get; private set; }

    /// <summary>The figures are in euros: an amount, or a breakdown whose unit is EUR.</summary>
    public bool IsInEuros => Kind.IsInEuros(Unit);

    /// <summary>How a derived indicator is computed from others, as stored (<see cref="IndicatorFormula.Text"/>); none for a measured one.</summary>
    public string? Formula { get; private set; }

    /// <summary>The code of the indicator that holds the same measure elsewhere (nationally): letters set the figure beside it.</summary>
    public string? Benchmark { get; private set; }

    /// <summary>What a reader should know about the figures' quality or comparability; letters print it with them.</summary>
    public string? Caveat { get; private set; }

    /// <summary>Computed from other indicators: no task asks for its value.</summary>
    public bool IsDerived => Formula is not null;

    /// <summary>The parsed formula of a derived indicator (it was checked when the version was made).</summary>
    public IndicatorFormula? ParsedFormula => Formula is null ? null : _parsed ??= IndicatorFormula.Parse(Formula).Value;

    private IndicatorFormula? _parsed;

    public IndicatorSpecification ToSpecification() => new()
    {
        Name = Name,
        Definition = Definition,
        Kind = Kind,
        Unit = Unit,
        Decimals = Decimals,
        Source = Source,
        ResponsibleTeamId = ResponsibleTeamId,
        GoodDirection = GoodDirection,
        Baseline = Baseline,
        Target = Target,
        Categories = Categories,
        Nature = Nature,
        InMillions = InMillions,
        Formula = Formula,
        Benchmark = Benchmark,
        Caveat = Caveat,
    };
}
