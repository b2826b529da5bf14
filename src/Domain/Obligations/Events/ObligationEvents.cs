using Governance.Domain.Common;

namespace Governance.Domain.Obligations.Events;

public sealed record ObligationRegistered(ObligationId ObligationId, ObligationKind Kind) : IDomainEvent;

public sealed record ObligationRevised(ObligationId ObligationId) : IDomainEvent;

public sealed record ObligationStatusChanged(ObligationId ObligationId, ObligationStatus From, ObligationStatus To) : IDomainEvent;

/// <summary>The due date (one-off) or end date (recurring) moved later; <paramref name="HistorySequence"/> is the history line that records why.</summary>
public sealed record ObligationDeadlineExtended(ObligationId ObligationId, DateOnly? From, DateOnly To, int HistorySequence) : IDomainEvent;
