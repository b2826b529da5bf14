using Governance.Domain.Common;

namespace Governance.Domain.Letters.Events;

public sealed record LetterVersionAdded(CouncilLetterId LetterId, int Number) : IDomainEvent;

public sealed record LetterFinalised(CouncilLetterId LetterId, string Reference) : IDomainEvent;

public sealed record LetterSent(CouncilLetterId LetterId, string Reference, DateOnly SentOn) : IDomainEvent;
