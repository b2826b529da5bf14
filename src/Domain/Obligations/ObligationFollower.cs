using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Obligations;

/// <summary>A person who follows an obligation: they hear when its status changes or a letter about it is sent.</summary>
public sealed class ObligationFollower : IMunicipalityOwned
{
    private ObligationFollower()
    {
        UserId = null!;
    }

    public ObligationFollower(MunicipalityId municipalityId, ObligationId obligationId, string userId, DateTime nowUtc)
    {
        MunicipalityId = municipalityId;
        ObligationId = obligationId;
        UserId = Guard.Text(userId, nameof(UserId), 64);
        FollowedAtUtc = nowUtc;
    }

    public MunicipalityId MunicipalityId { get; private set; }

    public ObligationId ObligationId { get; private set; }

    public string UserId { get; private set; }

    public DateTime FollowedAtUtc { get; private set; }
}
