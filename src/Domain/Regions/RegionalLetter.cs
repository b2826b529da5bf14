using System.Security.Cryptography;
using System.Text;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;

namespace Governance.Domain.Regions;

public readonly record struct RegionalLetterId(Guid Value) : ITypedId<RegionalLetterId>
{
    public static RegionalLetterId New() => new(Guid.CreateVersion7());

    public static RegionalLetterId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

public enum RegionalLetterStatus
{
    Draft,
    InApproval,

    /// <summary>Every required approval is in: each member's griffie records the sending to its own council.</summary>
    Approved,
}

/// <summary>
/// A letter for the councils of all members of a cooperation, composed by the lead municipality from the regional
/// figures. The lead's responsible alderman approves it, and, where the cooperation says so, each member's portfolio
/// holder; approvals are of the exact text (its hash), so an edit asks for them again. Once approved it never changes,
/// and each member's griffie records the sending to its own council with its own reference number.
/// </summary>
public sealed class RegionalLetter : AggregateRoot
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 60_000;
    public const int ReasonMaxLength = 2_000;

    private readonly List<RegionalApprover> _approvers = [];
    private readonly List<RegionalSending> _sendings = [];

    private RegionalLetter()
    {
        Subject = null!;
        Body = null!;
        Hash = null!;
        ComposedBy = null!;
    }

    public RegionalLetter(Cooperation cooperation, string subject, string body, string composedBy, DateTime nowUtc)
    {
        Id = RegionalLetterId.New();
        CooperationId = cooperation.Id;
        LeadMunicipalityId = cooperation.LeadMunicipalityId;
        MemberList = string.Join(',', cooperation.CurrentMembers.Select(m => m.Value.ToString("N")));
        ComposedBy = Guard.Text(composedBy, nameof(ComposedBy), 200);
        ComposedAtUtc = nowUtc;
        Subject = null!;
        Body = null!;
        Hash = null!;
        Edit(subject, body);
    }

    public RegionalLetterId Id { get; private set; }

    public CooperationId CooperationId { get; private set; }

    public MunicipalityId LeadMunicipalityId { get; private set; }

    /// <summary>The members when it was composed: the councils it is for.</summary>
    public IReadOnlyList<MunicipalityId> Members => [.. MemberList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => new MunicipalityId(Guid.ParseExact(m, "N")))];

    /// <summary>The members as stored: their ids, comma-separated.</summary>
    public string MemberList { get; private set; } = "";

    public string Subject { get; private set; }

    /// <summary>The text in the letters' Markdown (paragraphs, tables, lists); rendered sanitised, never as HTML.</summary>
    public string Body { get; private set; }

    /// <summary>The hash of subject and body: what an approval is of.</summary>
    public string Hash { get; private set; }

    /// <summary>How many times the text changed since it was composed (1 when composed).</summary>
    public int TextVersion { get; private set; }

    public RegionalLetterStatus Status { get; private set; }

    public string ComposedBy { get; private set; }

    public DateTime ComposedAtUtc { get; private set; }

    /// <summary>When the approvals are due, set when it is offered.</summary>
    public DateOnly? ApprovalsDue { get; private set; }

    /// <summary>When each council should have it, set when it is offered.</summary>
    public DateOnly? SendingDue { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    /// <summary>Why it was last sent back, and by whom.</summary>
    public string? SentBackReason { get; private set; }

    public IReadOnlyList<RegionalApprover> Approvers => _approvers;

    public IReadOnlyList<RegionalSending> Sendings => _sendings;

    /// <summary>Every required approver approved the current text.</summary>
    public bool AllApprovalsIn => _approvers.Count > 0 && _approvers.All(a => a.ApprovedHash == Hash);

    public void Edit(string subject, string body)
    {
        if (Status != RegionalLetterStatus.Draft)
        {
            throw new DomainRuleException("Only a draft regional letter is edited; send it back first.");
        }

        var newSubject = Guard.Text(subject, nameof(Subject), SubjectMaxLength);
        var newBody = Guard.Text(body, nameof(Body), BodyMaxLength);
        var hash = HashOf(newSubject, newBody);
        if (hash == Hash)
        {
            return;
        }

        Subject = newSubject;
        Body = newBody;
        Hash = hash;
        TextVersion++;
    }

    /// <summary>
    /// Offers the draft to its approvers: the lead's responsible alderman and, when the cooperation asks each portfolio
    /// holder, one alderman of every other member. Approvals of an earlier text no longer count.
    /// </summary>
    public void Offer(IReadOnlyList<(MunicipalityId Municipality, AldermanId Alderman)> approvers, DateOnly approvalsDue, DateOnly sendingDue)
    {
        if (Status != RegionalLetterStatus.Draft)
        {
            throw new DomainRuleException("Only a draft regional letter is offered for approval.");
        }

        if (!approvers.Any(a => a.Municipality == LeadMunicipalityId))
        {
            throw new DomainRuleException("The lead municipality's alderman approves a regional letter.");
        }

        if (approvers.Any(a => !Members.Contains(a.Municipality)) || approvers.Select(a => a.Municipality).Distinct().Count() != approvers.Count)
        {
            throw new DomainRuleException("Each approver is one alderman of a member.");
        }

        if (sendingDue < approvalsDue)
        {
            throw new DomainRuleException("The sending is due after the approvals.");
        }

        _approvers.Clear();
        _approvers.AddRange(approvers.Select(a => new RegionalApprover(a.Municipality, a.Alderman)));
        ApprovalsDue = approvalsDue;
        SendingDue = sendingDue;
        SentBackReason = null;
        Status = RegionalLetterStatus.InApproval;
    }

    /// <summary>An approver approves the current text; the last approval makes the letter final.</summary>
    public void Approve(AldermanId alderman, string userId, DateTime nowUtc)
    {
        if (Status != RegionalLetterStatus.InApproval)
        {
            throw new DomainRuleException("A regional letter is approved only while it is in approval.");
        }

        var approver = _approvers.SingleOrDefault(a => a.AldermanId == alderman)
                       ?? throw new DomainRuleException("Only a required approver approves a regional letter.");
        approver.ApprovedHash = Hash;
        approver.ApprovedBy = Guard.Text(userId, nameof(userId), 64);
        approver.ApprovedAtUtc = nowUtc;
        if (AllApprovalsIn)
        {
            Status = RegionalLetterStatus.Approved;
            ApprovedAtUtc = nowUtc;
        }
    }

    /// <summary>An approver sends it back with a reason: a draft again, every approval given so far withdrawn.</summary>
    public void SendBack(AldermanId alderman, string reason)
    {
        if (Status != RegionalLetterStatus.InApproval)
        {
            throw new DomainRuleException("A regional letter is sent back only while it is in approval.");
        }

        if (_approvers.All(a => a.AldermanId != alderman))
        {
            throw new DomainRuleException("Only a required approver sends a regional letter back.");
        }

        foreach (var approver in _approvers)
        {
            approver.ApprovedHash = null;
            approver.ApprovedBy = null;
            approver.ApprovedAtUtc = null;
        }

        SentBackReason = Guard.Text(reason, nameof(SentBackReason), ReasonMaxLength);
        Status = RegionalLetterStatus.Draft;
    }

    /// <summary>A member's griffie records the sending to its own council, once, with its own reference number.</summary>
    public RegionalSending RecordSending(MunicipalityId municipality, string reference, DateOnly sentOn, string? documentNumber, string recordedBy, DateTime nowUtc)
    {
        if (Status != RegionalLetterStatus.Approved)
        {
            throw new DomainRuleException("Only an approved regional letter is sent.");
        }

        if (!Members.Contains(municipality))
        {
            throw new DomainRuleException("A regional letter is sent only to the councils it is for.");
        }

        if (_sendings.Any(s => s.MunicipalityId == municipality))
        {
            throw new DomainRuleException("This council's sending is already recorded.");
        }

        var sending = new RegionalSending(municipality, reference, sentOn, documentNumber, recordedBy, nowUtc);
        _sendings.Add(sending);
        return sending;
    }

    /// <summary>Whether the stored text is still what was approved.</summary>
    public bool VerifiesHash() => HashOf(Subject, Body) == Hash;

    private static string HashOf(string subject, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n\n{body}")));
}

/// <summary>An alderman who approves a regional letter for a member, and whether (and of which text) they did.</summary>
public sealed class RegionalApprover
{
    private RegionalApprover()
    {
    }

    internal RegionalApprover(MunicipalityId municipalityId, AldermanId aldermanId)
    {
        MunicipalityId = municipalityId;
        AldermanId = aldermanId;
    }

    public MunicipalityId MunicipalityId { get; private set; }

    public AldermanId AldermanId { get; private set; }

    /// <summary>The hash of the text approved; none while not (or no longer) approved.</summary>
    public string? ApprovedHash { get; internal set; }

    public string? ApprovedBy { get; internal set; }

    public DateTime? ApprovedAtUtc { get; internal set; }
}

/// <summary>A member's sending of a regional letter to its own council, under its own reference number.</summary>
public sealed class RegionalSending
{
    public const int DocumentNumberMaxLength = 60;

    private RegionalSending()
    {
        Reference = null!;
        RecordedBy = null!;
    }

    internal RegionalSending(MunicipalityId municipalityId, string reference, DateOnly sentOn, string? documentNumber, string recordedBy, DateTime nowUtc)
    {
        MunicipalityId = municipalityId;
        Reference = Guard.Text(reference, nameof(Reference), 40);
        SentOn = sentOn;
        DocumentNumber = Guard.OptionalText(documentNumber, nameof(DocumentNumber), DocumentNumberMaxLength);
        RecordedBy = Guard.Text(recordedBy, nameof(RecordedBy), 200);
        RecordedAtUtc = nowUtc;
    }

    public MunicipalityId MunicipalityId { get; private set; }

    /// <summary>The member's own reference number, from its own series (e.g. "2026.00412").</summary>
    public string Reference { get; private set; }

    public DateOnly SentOn { get; private set; }

    /// <summary>The number in the council's information system, if the griffie gives one.</summary>
    public string? DocumentNumber { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
}
