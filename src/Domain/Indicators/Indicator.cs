using Governance.Domain.Common;
using Governance.Domain.Indicators.Events;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Indicators;

/// <summary>
/// An entry in a municipality's indicator catalogue, identified by its code, with the history of
/// its definitions. An information item the council asked for is a narrative indicator.
/// </summary>
public sealed class Indicator : AggregateRoot, IMunicipalityOwned
{
    public const int CodeMaxLength = 40;

    private readonly List<IndicatorDefinition> _definitions = [];

    private Indicator() => Code = null!;

    public Indicator(MunicipalityId municipalityId, string code, IndicatorSpecification specification, DateTime nowUtc)
    {
        Id = IndicatorId.New();
        MunicipalityId = municipalityId;
        Code = NormaliseCode(code);
        _definitions.Add(new IndicatorDefinition(Id, Code, 1, specification, nowUtc));
        Raise(new IndicatorDefined(Id, Code));
    }

    public IndicatorId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public string Code { get; private set; }

    public IReadOnlyList<IndicatorDefinition> Definitions => _definitions;

    /// <summary>Set once the indicator is no longer measured: no new tasks ask for it; its values and versions stay.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public bool IsRetired => RetiredOn is not null;

    public const int NationalSourceMaxLength = 200;

    /// <summary>
    /// The regional definition this indicator reports on (its code, shared by the cooperating municipalities, e.g.
    /// WMO-CLIENTEN): the regional monitor puts the municipalities' indicators with the same regional code side by side,
    /// each with its own values, team and baseline. None: the indicator's own code.
    /// </summary>
    public string? RegionalCode { get; private set; }

    /// <summary>The national source the definition follows, so figures compare beyond the region (e.g. "CBS StatLine 84908NED").</summary>
    public string? NationalSource { get; private set; }

    /// <summary>The code the regional monitor groups this indicator under.</summary>
    public string RegionalKey => RegionalCode ?? Code;

    public void SetRegion(string? regionalCode, string? nationalSource)
    {
        RegionalCode = string.IsNullOrWhiteSpace(regionalCode) ? null : NormaliseCode(regionalCode);
        NationalSource = Guard.OptionalText(nationalSource, nameof(NationalSource), NationalSourceMaxLength);
    }

    public void Retire(DateOnly on) => RetiredOn ??= on;

    public void Reinstate() => RetiredOn = null;

    public IndicatorDefinition Current => _definitions.MaxBy(d => d.VersionNumber)
        ?? throw new DomainRuleException($"Indicator {Code} has no definition.");

    public IndicatorDefinition VersionAt(int versionNumber) =>
        _definitions.SingleOrDefault(d => d.VersionNumber == versionNumber)
        ?? throw new DomainRuleException($"Indicator {Code} has no version {versionNumber}.");

    /// <summary>
    /// Records a changed definition as a new version; the old version, and every value measured
    /// under it, stays as it was. Returns false when nothing changed.
    /// </summary>
    public bool Revise(IndicatorSpecification specification, DateTime nowUtc)
    {
        var next = specification.Checked();
        var current = Current.ToSpecification();
        if (next with { Categories = [] } == current with { Categories = [] } && next.Categories.SequenceEqual(current.Categories))
        {
            return false;
        }

        var version = Current.VersionNumber + 1;
        _definitions.Add(new IndicatorDefinition(Id, Code, version, next, nowUtc));
        Raise(new IndicatorRevised(Id, version));
        return true;
    }

    public static string NormaliseCode(string code)
    {
        var trimmed = Guard.Text(code, nameof(Code), CodeMaxLength).ToUpperInvariant();
        if (!trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new DomainRuleException("An indicator code has letters, digits, '-', '_' and '.' only.");
        }

        return trimmed;
    }
}
