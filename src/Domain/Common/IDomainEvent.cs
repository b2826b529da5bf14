using Mediator;

namespace Governance.Domain.Common;

/// <summary>Something that happened in the domain; published after a successful save.</summary>
public interface IDomainEvent : INotification;
