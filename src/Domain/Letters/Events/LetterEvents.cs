using Governance.Domain.Common;

namespace Governance.Domain.Letters.Events;

public sealed record LetterVersionAdded(CouncilLetterId LetterId, int Number) : IDomainEvent;

/// <summary>The letter moved between draft, in approval and approved (offered for approval, sent back).</summary>
public sealed record LetterStatusChanged(CouncilLetterId LetterId, CouncilLetterStatus From, CouncilLetterStatus To) : IDomainEvent;

public sealed record LetterFinalised(CouncilLetterId LetterId, string Reference) : IDomainEvent;

public sealed record LetterSent(CouncilLetterId LetterId, string Reference, DateOnly SentOn) : IDomainEvent;
