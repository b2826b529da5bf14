namespace Governance.Domain.Common;

/// <summary>Base of every entity: keeps the domain events raised by intent methods until the save publishes them.</summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}

/// <summary>
/// An aggregate root that people edit. <see cref="Version"/> is an application-managed
/// concurrency token (SQLite cannot generate one): the save increments it, and a stale
/// version makes the save fail instead of overwriting someone else's change.
/// </summary>
public abstract class AggregateRoot : Entity
{
    public int Version { get; private set; }

    internal void IncrementVersion() => Version++;

    /// <summary>For a store that reads rows without EF: the version the row had.</summary>
    private protected void RestoreVersion(int version) => Version = version;
}
