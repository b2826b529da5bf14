using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;

namespace Governance.Domain.Regions;

/// <summary>
/// A cooperation of municipalities (e.g. "Maastricht en Heuvelland") whose councils get the same monitoring
/// information. The lead municipality records it and invites the others; a municipality is a member only once its own
/// Beheerder has joined, and may leave at any time (the lead cannot, it ends the cooperation instead). Membership alone
/// shows nothing: each member decides what it shares (<see cref="RegionalShare"/>).
/// </summary>
public sealed class Cooperation : AggregateRoot
{
    public const int NameMaxLength = 120;

    private readonly List<CooperationMember> _members = [];

    private Cooperation()
    {
        Name = null!;
    }

    public Cooperation(string name, MunicipalityId lead, bool eachPortfolioHolderApproves, DateTime nowUtc)
    {
        Id = CooperationId.New();
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
        LeadMunicipalityId = lead;
        EachPortfolioHolderApproves = eachPortfolioHolderApproves;
        CreatedAtUtc = nowUtc;
        _members.Add(new CooperationMember(lead, nowUtc) { JoinedAtUtc = nowUtc });
    }

    public CooperationId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The municipality that records the cooperation and composes its regional letters.</summary>
    public MunicipalityId LeadMunicipalityId { get; private set; }

    /// <summary>Whether a regional letter also needs the approval of the portfolio holder of each member, not only the lead's.</summary>
    public bool EachPortfolioHolderApproves { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the lead ended it: nothing is shared through it any more.</summary>
    public DateTime? EndedAtUtc { get; private set; }

    public IReadOnlyList<CooperationMember> Members => _members;

    public bool IsMember(MunicipalityId municipality) =>
        EndedAtUtc is null && _members.Any(m => m.MunicipalityId == municipality && m.JoinedAtUtc is not null && m.LeftAtUtc is null);

    /// <summary>The members now: joined and not left.</summary>
    public IReadOnlyList<MunicipalityId> CurrentMembers =>
        EndedAtUtc is null ? [.. _members.Where(m => m.JoinedAtUtc is not null && m.LeftAtUtc is null).Select(m => m.MunicipalityId)] : [];

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void SetApprovals(bool eachPortfolioHolderApproves) => EachPortfolioHolderApproves = eachPortfolioHolderApproves;

    /// <summary>Invites a municipality (again, after it left); it is a member once it joins.</summary>
    public void Invite(MunicipalityId municipality, DateTime nowUtc)
    {
        EnsureOpen();
        var member = _members.SingleOrDefault(m => m.MunicipalityId == municipality);
        if (member is null)
        {
            _members.Add(new CooperationMember(municipality, nowUtc));
        }
        else if (member.LeftAtUtc is not null)
        {
            member.InvitedAtUtc = nowUtc;
            member.JoinedAtUtc = null;
            member.LeftAtUtc = null;
        }
    }

    /// <summary>An invited municipality joins (its own Beheerder decides).</summary>
    public void Join(MunicipalityId municipality, DateTime nowUtc)
    {
        EnsureOpen();
        var member = _members.SingleOrDefault(m => m.MunicipalityId == municipality && m.LeftAtUtc is null)
                     ?? throw new DomainRuleException("Only an invited municipality joins a cooperation.");
        member.JoinedAtUtc ??= nowUtc;
    }

    /// <summary>A member leaves, or declines the invitation; the lead ends the cooperation instead.</summary>
    public void Leave(MunicipalityId municipality, DateTime nowUtc)
    {
        if (municipality == LeadMunicipalityId)
        {
            throw new DomainRuleException("The lead municipality does not leave a cooperation; it ends it.");
        }

        var member = _members.SingleOrDefault(m => m.MunicipalityId == municipality && m.LeftAtUtc is null)
                     ?? throw new DomainRuleException("Only a member or an invited municipality leaves a cooperation.");
        member.LeftAtUtc = nowUtc;
    }

    public void End(DateTime nowUtc) => EndedAtUtc ??= nowUtc;

    /// <summary>A member names the alderman who approves the cooperation's regional letters for it (none: nobody yet).</summary>
    public void SetPortfolioHolder(MunicipalityId municipality, AldermanId? alderman)
    {
        EnsureOpen();
        var member = _members.SingleOrDefault(m => m.MunicipalityId == municipality && m.JoinedAtUtc is not null && m.LeftAtUtc is null)
                     ?? throw new DomainRuleException("Only a member names its portfolio holder.");
        member.PortfolioHolderId = alderman;
    }

    /// <summary>The portfolio holder a member named, if any.</summary>
    public AldermanId? PortfolioHolderOf(MunicipalityId municipality) =>
        _members.SingleOrDefault(m => m.MunicipalityId == municipality && m.LeftAtUtc is null)?.PortfolioHolderId;

    private void EnsureOpen()
    {
        if (EndedAtUtc is not null)
        {
            throw new DomainRuleException("A cooperation that has ended takes no members.");
        }
    }
}

/// <summary>A municipality in a cooperation: invited, then joined, perhaps left.</summary>
public sealed class CooperationMember
{
    private CooperationMember()
    {
    }

    internal CooperationMember(MunicipalityId municipalityId, DateTime invitedAtUtc)
    {
        MunicipalityId = municipalityId;
        InvitedAtUtc = invitedAtUtc;
    }

    public MunicipalityId MunicipalityId { get; private set; }

    public DateTime InvitedAtUtc { get; internal set; }

    public DateTime? JoinedAtUtc { get; internal set; }

    public DateTime? LeftAtUtc { get; internal set; }

    /// <summary>The member's alderman who approves the regional letters for it (its portfolio holder for the cooperation's subject).</summary>
    public AldermanId? PortfolioHolderId { get; internal set; }
}
