using Governance.Domain.Common;

namespace Governance.Domain.Obligations.Events;

public sealed record ObligationRegistered(ObligationId ObligationId, ObligationKind Kind) : IDomainEvent;

public sealed record ObligationRevised(ObligationId ObligationId) : IDomainEvent;

public sealed record ObligationStatusChanged(ObligationId ObligationId, ObligationStatus From, ObligationStatus To) : IDomainEvent;
