using Governance.Domain.Common;
using Governance.Domain.Letters.Events;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Governance.Domain.ReportingCycles;

namespace Governance.Domain.Letters;

public enum CouncilLetterStatus
{
    Draft,
    InApproval,
    Approved,
    Finalised,
    Sent,
}

/// <summary>
/// A raadsinformatiebrief answering one reporting cycle: its versions (composed, then edited), the
/// aldermen's approvals of exact versions, and once the last approval is in, its reference number and
/// sealed content hash. Once finalised it never changes; the letter workflow moves its status.
/// </summary>
public sealed class CouncilLetter : AggregateRoot, IMunicipalityOwned
{
    public const int SubjectMaxLength = LetterContent.SubjectMaxLength;
    public const int ReferenceMaxLength = 40;

    private readonly List<Approval> _approvals = [];
    private readonly List<LetterVersion> _versions = [];

    private CouncilLetter() => Subject = null!;

    public CouncilLetter(ReportingCycle cycle, LetterContent composed, string composedBy, DateTime nowUtc)
    {
        Id = CouncilLetterId.New();
        CycleId = cycle.Id;
        MunicipalityId = cycle.MunicipalityId;
        Status = CouncilLetterStatus.Draft;
        Subject = null!;
        AddVersion(composed, "Samengesteld uit de waarden", composedBy, nowUtc);
    }

    public CouncilLetterId Id { get; private set; }

    public ReportingCycleId CycleId { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    /// <summary>The subject of the current version, for lists.</summary>
    public string Subject { get; private set; }

    public CouncilLetterStatus Status { get; private set; }

    /// <summary>Onze referentie, e.g. "2025.03355"; given at finalisation.</summary>
    public string? Reference { get; private set; }

    /// <summary>The hash of the finalised version, sealed at finalisation.</summary>
    public string? ContentHash { get; private set; }

    public DateTime? FinalisedAtUtc { get; private set; }

    /// <summary>The version that was finalised (the one every alderman approved).</summary>
    public int? FinalisedVersion { get; private set; }

    public DateOnly? SentOn { get; private set; }

    /// <summary>The griffie's document number of the sending (e.g. the number in the council's information system).</summary>
    public string? SentDocumentNumber { get; private set; }

    public IReadOnlyList<Approval> Approvals => _approvals;

    public IReadOnlyList<LetterVersion> Versions => [.. _versions.OrderBy(v => v.Number)];

    public LetterVersion Current => _versions.MaxBy(v => v.Number)!;

    public bool IsFinalised => Status is CouncilLetterStatus.Finalised or CouncilLetterStatus.Sent;

    /// <summary>A new version (composed again, or edited); approvals of earlier versions become stale.</summary>
    public LetterVersion AddVersion(LetterContent content, string reason, string createdBy, DateTime nowUtc)
    {
        EnsureNotFinalised();
        if (_versions.Count > 0 && content.Hash() == Current.Hash)
        {
            return Current;
        }

        var version = new LetterVersion(Id, _versions.Count + 1, content, reason, createdBy, nowUtc);
        _versions.Add(version);
        Subject = version.Subject;
        Raise(new LetterVersionAdded(Id, version.Number));
        return version;
    }

    /// <summary>The approvals that count now: of the current version and not withdrawn by a send-back, the latest per alderman.</summary>
    public IReadOnlyList<Approval> CurrentApprovals => [.. _approvals.Where(a => !a.IsWithdrawn && !a.IsStaleFor(Current.Hash))
        .GroupBy(a => a.AldermanId).Select(g => g.MaxBy(a => a.ApprovedAtUtc)!)];

    /// <summary>Approvals given on an earlier version (withdrawn or not), for aldermen who have not approved the current one: "you approved version 2, it changed since".</summary>
    public IReadOnlyList<Approval> StaleApprovals => [.. _approvals.Where(a => a.IsStaleFor(Current.Hash))
        .Where(a => CurrentApprovals.All(c => c.AldermanId != a.AldermanId))
        .GroupBy(a => a.AldermanId).Select(g => g.MaxBy(a => a.ApprovedAtUtc)!)];

    public bool HasApprovalOf(AldermanId alderman) => CurrentApprovals.Any(a => a.AldermanId == alderman);

    /// <summary>Every responsible alderman approved the current version.</summary>
    public bool AllApprovalsIn(IReadOnlyCollection<AldermanId> required) =>
        required.Count > 0 && required.All(HasApprovalOf);

    /// <summary>Records an alderman's approval of the current version; asked only while the letter is in approval.</summary>
    public Approval RecordApproval(AldermanId aldermanId, string userId, DateTime nowUtc)
    {
        EnsureNotFinalised();
        if (Status != CouncilLetterStatus.InApproval)
        {
            throw new DomainRuleException("A letter is approved only while it is in approval.");
        }

        var approval = new Approval(Id, aldermanId, userId, Current.Hash, Current.Number, nowUtc);
        _approvals.Add(approval);
        return approval;
    }

    /// <summary>Gives the reference number and seals the current version; only an approved letter is finalised.</summary>
    internal void Finalise(string reference, DateTime nowUtc)
    {
        EnsureNotFinalised();
        if (Status != CouncilLetterStatus.Approved)
        {
            throw new DomainRuleException("Only an approved letter is finalised.");
        }

        Reference = Guard.Text(reference, nameof(Reference), ReferenceMaxLength);
        ContentHash = Current.Hash;
        FinalisedVersion = Current.Number;
        FinalisedAtUtc = nowUtc;
        Status = CouncilLetterStatus.Finalised;
        Raise(new LetterFinalised(Id, Reference));
    }

    /// <summary>Whether the finalised letter is still exactly what was sealed: the version's content hashes to the sealed hash.</summary>
    public bool VerifiesSeal()
    {
        if (!IsFinalised || FinalisedVersion is not { } number)
        {
            return false;
        }

        var sealedVersion = _versions.SingleOrDefault(v => v.Number == number);
        return sealedVersion is not null && sealedVersion.Verifies() && sealedVersion.Hash == ContentHash;
    }

    internal void MarkSent(DateOnly sentOn, string? documentNumber)
    {
        if (Status != CouncilLetterStatus.Finalised)
        {
            throw new DomainRuleException("Only a finalised letter is sent.");
        }

        SentOn = sentOn;
        SentDocumentNumber = Guard.OptionalText(documentNumber, nameof(SentDocumentNumber), 60);
        Status = CouncilLetterStatus.Sent;
        Raise(new LetterSent(Id, Reference!, sentOn));
    }

    /// <summary>
    /// An alderman sent it back: it is a draft again and every approval given so far is withdrawn, so that all responsible
    /// aldermen approve what is offered next, even when the text does not change.
    /// </summary>
    internal void SendBack(DateTime nowUtc)
    {
        if (Status is not (CouncilLetterStatus.InApproval or CouncilLetterStatus.Approved))
        {
            throw new DomainRuleException("Only a letter in approval is sent back.");
        }

        foreach (var approval in _approvals)
        {
            approval.Withdraw(nowUtc);
        }

        EnterStatus(CouncilLetterStatus.Draft);
    }

    /// <summary>Entered only by the letter workflow (draft, in approval, approved); finalising and sending have their own steps.</summary>
    internal void EnterStatus(CouncilLetterStatus status)
    {
        if (status is CouncilLetterStatus.Finalised or CouncilLetterStatus.Sent)
        {
            throw new DomainRuleException("A letter is finalised and sent through its own steps.");
        }

        EnsureNotFinalised();
        var from = Status;
        Status = status;
        if (from != status)
        {
            Raise(new LetterStatusChanged(Id, from, status));
        }
    }

    private void EnsureNotFinalised()
    {
        if (IsFinalised)
        {
            throw new DomainRuleException($"Letter {Reference} is finalised and never changes.");
        }
    }
}
