namespace Governance.Domain.Persistence;

/// <summary>
/// One key of ASP.NET Core's data-protection key ring (as its XML), on PostgreSQL where several processes share one
/// database: a sign-in cookie, antiforgery token or e-mailed link made by one process is read by every other.
/// </summary>
public sealed class StoredKey
{
    public int Id { get; private set; }

    public string? FriendlyName { get; init; }

    public required string Xml { get; init; }
}

/// <summary>
/// A counter that goes up when something changes that processes keep in memory (the public register's pages, API
/// keys): every process reads the counters every few seconds and lets go of what it kept when one has gone up.
/// </summary>
public sealed class ChangeSignal
{
    public const int TopicMaxLength = 64;

    public required string Topic { get; init; }

    public long Version { get; set; }
}
