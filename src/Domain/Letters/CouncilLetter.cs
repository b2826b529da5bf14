using Governance.Domain.Common;
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
/// A raadsinformatiebrief answering one reporting cycle. Its content, composition and approval
/// chain come with the letters feature; here it holds identity, status and the sending record.
/// Once finalised it never changes.
/// </summary>
public sealed class CouncilLetter : AggregateRoot, IMunicipalityOwned
{
    public const int SubjectMaxLength = 300;
    public const int ReferenceMaxLength = 40;

    private readonly List<Approval> _approvals = [];

    private CouncilLetter() => Subject = null!;

    public CouncilLetter(ReportingCycle cycle, string subject)
    {
        Id = CouncilLetterId.New();
        CycleId = cycle.Id;
        MunicipalityId = cycle.MunicipalityId;
        Subject = Guard.Text(subject, nameof(Subject), SubjectMaxLength);
        Status = CouncilLetterStatus.Draft;
    }

    public CouncilLetterId Id { get; private set; }

    public ReportingCycleId CycleId { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public string Subject { get; private set; }

    public CouncilLetterStatus Status { get; private set; }

    /// <summary>Onze referentie, e.g. "2025.03355"; given at finalisation.</summary>
    public string? Reference { get; private set; }

    public string? ContentHash { get; private set; }

    public DateTime? FinalisedAtUtc { get; private set; }

    public DateOnly? SentOn { get; private set; }

    public IReadOnlyList<Approval> Approvals => _approvals;

    public bool IsFinalised => Status is CouncilLetterStatus.Finalised or CouncilLetterStatus.Sent;

    public void ChangeSubject(string subject)
    {
        EnsureNotFinalised();
        Subject = Guard.Text(subject, nameof(Subject), SubjectMaxLength);
    }

    public Approval RecordApproval(AldermanId aldermanId, string userId, string versionHash, DateTime nowUtc)
    {
        EnsureNotFinalised();
        var approval = new Approval(Id, aldermanId, userId, versionHash, nowUtc);
        _approvals.Add(approval);
        return approval;
    }

    internal void Finalise(string reference, string contentHash, DateTime nowUtc)
    {
        EnsureNotFinalised();
        Reference = Guard.Text(reference, nameof(Reference), ReferenceMaxLength);
        ContentHash = Guard.Text(contentHash, nameof(ContentHash), 128);
        FinalisedAtUtc = nowUtc;
        Status = CouncilLetterStatus.Finalised;
    }

    internal void MarkSent(DateOnly sentOn)
    {
        if (Status != CouncilLetterStatus.Finalised)
        {
            throw new DomainRuleException("Only a finalised letter is sent.");
        }

        SentOn = sentOn;
        Status = CouncilLetterStatus.Sent;
    }

    internal void EnterStatus(CouncilLetterStatus status)
    {
        if (status is CouncilLetterStatus.Finalised or CouncilLetterStatus.Sent)
        {
            throw new DomainRuleException("A letter is finalised and sent through its own steps.");
        }

        EnsureNotFinalised();
        Status = status;
    }

    private void EnsureNotFinalised()
    {
        if (IsFinalised)
        {
            throw new DomainRuleException($"Letter {Reference} is finalised and never changes.");
        }
    }
}
