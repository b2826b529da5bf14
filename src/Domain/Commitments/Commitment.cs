using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Obligations.Events;

namespace Governance.Domain.Commitments;

/// <summary>A toezegging: a promise an alderman made to the council in a meeting.</summary>
public sealed class Commitment : Obligation
{
    private Commitment()
    {
    }

    public Commitment(MunicipalityId municipalityId, ObligationDetails details, DateTime nowUtc, string actor)
        : base(municipalityId, details, nowUtc, actor) => Raise(new ObligationRegistered(Id, Kind));

    public override ObligationKind Kind => ObligationKind.Commitment;

    protected override void Apply(ObligationDetails details)
    {
        if (details.SubmittingParties.Count > 0)
        {
            throw new DomainRuleException("A commitment is made by an alderman; it has no submitting parties.");
        }

        base.Apply(details);
    }
}
