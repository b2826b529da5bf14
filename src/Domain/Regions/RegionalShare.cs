using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;

namespace Governance.Domain.Regions;

/// <summary>
/// What one municipality shares with a cooperation: one indicator, or an obligation's monitor (its required
/// indicators). Only finalised values cross (handed in, or in a sent letter), never drafts, names or comments. A share
/// is revoked, not deleted, so when and by whom it was given and taken back stays on record.
/// </summary>
public sealed class RegionalShare : AggregateRoot, IMunicipalityOwned
{
    public const int ActorMaxLength = 200;

    private RegionalShare()
    {
        SharedBy = null!;
    }

    private RegionalShare(MunicipalityId municipalityId, CooperationId cooperationId, IndicatorId? indicatorId, ObligationId? obligationId, string sharedBy, DateTime nowUtc)
    {
        Id = RegionalShareId.New();
        MunicipalityId = municipalityId;
        CooperationId = cooperationId;
        IndicatorId = indicatorId;
        ObligationId = obligationId;
        SharedBy = Guard.Text(sharedBy, nameof(SharedBy), ActorMaxLength);
        SharedAtUtc = nowUtc;
    }

    public RegionalShareId Id { get; private set; }

    /// <summary>The municipality that shares.</summary>
    public MunicipalityId MunicipalityId { get; private set; }

    public CooperationId CooperationId { get; private set; }

    /// <summary>The indicator shared; or none, when an obligation's monitor is.</summary>
    public IndicatorId? IndicatorId { get; private set; }

    /// <summary>The obligation whose monitor (its required indicators) is shared.</summary>
    public ObligationId? ObligationId { get; private set; }

    public DateTime SharedAtUtc { get; private set; }

    public string SharedBy { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>Shares with a cooperation the municipality is a member of.</summary>
    public static RegionalShare Give(Cooperation cooperation, MunicipalityId municipality, IndicatorId? indicatorId, ObligationId? obligationId, string sharedBy, DateTime nowUtc)
    {
        if (!cooperation.IsMember(municipality))
        {
            throw new DomainRuleException("A municipality shares only with a cooperation it is a member of.");
        }

        if (indicatorId is null == obligationId is null)
        {
            throw new DomainRuleException("A share is of one indicator or of one obligation's monitor.");
        }

        return new RegionalShare(municipality, cooperation.Id, indicatorId, obligationId, sharedBy, nowUtc);
    }

    public void Revoke(string revokedBy, DateTime nowUtc)
    {
        if (RevokedAtUtc is not null)
        {
            return;
        }

        RevokedAtUtc = nowUtc;
        RevokedBy = Guard.Text(revokedBy, nameof(RevokedBy), ActorMaxLength);
    }
}
