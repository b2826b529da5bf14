using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Letters;

/// <summary>An alderman's approval of the exact version of a letter, identified by its hash.</summary>
public sealed class Approval : Entity
{
    private Approval()
    {
        UserId = null!;
        VersionHash = null!;
    }

    internal Approval(CouncilLetterId letterId, AldermanId aldermanId, string userId, string versionHash, int versionNumber, DateTime atUtc)
    {
        Id = ApprovalId.New();
        LetterId = letterId;
        AldermanId = aldermanId;
        UserId = Guard.Text(userId, nameof(UserId), 64);
        VersionHash = Guard.Text(versionHash, nameof(VersionHash), 128);
        VersionNumber = versionNumber;
        ApprovedAtUtc = atUtc;
    }

    public ApprovalId Id { get; private set; }

    public CouncilLetterId LetterId { get; private set; }

    public AldermanId AldermanId { get; private set; }

    public string UserId { get; private set; }

    public string VersionHash { get; private set; }

    /// <summary>The number of the version approved, to say which one when the approval has gone stale.</summary>
    public int VersionNumber { get; private set; }

    public DateTime ApprovedAtUtc { get; private set; }

    /// <summary>When the letter was sent back: from then on this approval no longer counts, whatever the version.</summary>
    public DateTime? WithdrawnAtUtc { get; private set; }

    public bool IsWithdrawn => WithdrawnAtUtc is not null;

    /// <summary>An approval of an earlier version no longer counts; the letter asks for it again.</summary>
    public bool IsStaleFor(string currentVersionHash) => VersionHash != currentVersionHash;

    /// <summary>The letter was sent back: every responsible alderman approves again, this one included.</summary>
    internal void Withdraw(DateTime nowUtc) => WithdrawnAtUtc ??= nowUtc;
}
