using Governance.Domain.Common;

namespace Governance.Domain.Letters;

/// <summary>One version of a letter: composed from the values, or edited by the drafter. Versions are never changed.</summary>
public sealed class LetterVersion
{
    public const int ReasonMaxLength = 500;

    private LetterVersion()
    {
        Subject = HandledBy = Body = Data = Hash = Reason = CreatedBy = null!;
    }

    internal LetterVersion(CouncilLetterId letterId, int number, LetterContent content, string reason, string createdBy, DateTime createdAtUtc)
    {
        Id = Guid.CreateVersion7();
        LetterId = letterId;
        Number = number;
        Subject = Guard.Text(content.Subject, nameof(Subject), LetterContent.SubjectMaxLength);
        HandledBy = Guard.Text(content.HandledBy, nameof(HandledBy), LetterContent.HandledByMaxLength);
        Phone = Guard.OptionalText(content.Phone, nameof(Phone), LetterContent.PhoneMaxLength);
        Body = Guard.Text(content.Body, nameof(Body), LetterContent.BodyMaxLength);
        Data = content.Data;
        Hash = Content.Hash();
        Reason = Guard.Text(reason, nameof(Reason), ReasonMaxLength);
        CreatedBy = Guard.Text(createdBy, nameof(CreatedBy), 120);
        CreatedAtUtc = createdAtUtc;
    }

    /// <summary>A version that belongs to no letter and is never stored: what a template editor previews.</summary>
    public static LetterVersion Preview(LetterContent content, DateTime nowUtc) => new(default, 0, content, "Voorbeeld", "Governance", nowUtc);

    public Guid Id { get; private set; }

    public CouncilLetterId LetterId { get; private set; }

    /// <summary>1, 2, 3… in the order the versions were made.</summary>
    public int Number { get; private set; }

    public string Subject { get; private set; }

    /// <summary>"Behandeld door": the civil servant the council can call about the letter.</summary>
    public string HandledBy { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The letter's text in Markdown, as composed from the template or edited.</summary>
    public string Body { get; private set; }

    /// <summary>The figures the letter was composed from (JSON), for its charts and indicator table.</summary>
    public string Data { get; private set; }

    public string Hash { get; private set; }

    /// <summary>Why this version exists: "Samengesteld uit de waarden", "Tekst bewerkt"…</summary>
    public string Reason { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public LetterContent Content => new(Subject, HandledBy, Phone, Body, Data);

    /// <summary>Whether the stored hash still matches the stored content (nothing was altered behind the application's back).</summary>
    public bool Verifies() => Content.Hash() == Hash;
}
