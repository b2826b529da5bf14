using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Obligations.Events;

namespace Governance.Domain.Motions;

/// <summary>A motie: a council decision asking the executive to act or to report, submitted by one or more parties.</summary>
public sealed class Motion : Obligation
{
    private List<string> _submittingParties = [];

    private Motion()
    {
    }

    public Motion(MunicipalityId municipalityId, ObligationDetails details, DateTime nowUtc, string actor)
        : base(municipalityId, details, nowUtc, actor) => Raise(new ObligationRegistered(Id, Kind));

    public override ObligationKind Kind => ObligationKind.Motion;

    public IReadOnlyList<string> SubmittingParties => _submittingParties;

    protected override IEnumerable<(string Field, string Value)> Described() =>
        base.Described().Append(("Indienende partijen", string.Join(",", _submittingParties)));

    protected override void Apply(ObligationDetails details)
    {
        base.Apply(details);
        var parties = details.SubmittingParties.Select(p => Guard.Text(p, "Party", PartyMaxLength)).ToList();
        if (parties.Count == 0)
        {
            throw new DomainRuleException("A motion is submitted by at least one party.");
        }

        _submittingParties = [.. parties.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
