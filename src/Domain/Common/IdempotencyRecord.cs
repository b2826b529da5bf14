namespace Governance.Domain.Common;

/// <summary>
/// A request a client sent with its own idempotency key, kept with a hash of what was asked and the
/// answer given: the same key again replays the answer instead of doing the work twice; the same key
/// with other content is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    private IdempotencyRecord()
    {
        Principal = null!;
        Key = null!;
        RequestHash = null!;
        Response = null!;
    }

    public IdempotencyRecord(string principal, string key, string requestHash, string response, DateTime nowUtc)
    {
        Principal = Guard.Text(principal, nameof(Principal), 64);
        Key = Guard.Text(key, nameof(Key), KeyMaxLength);
        RequestHash = requestHash;
        Response = response;
        CreatedAtUtc = nowUtc;
    }

    /// <summary>Whose key it is (the account, or the account behind an API key): keys of different clients never collide.</summary>
    public string Principal { get; private set; }

    public string Key { get; private set; }

    public string RequestHash { get; private set; }

    /// <summary>The answer given, as JSON.</summary>
    public string Response { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
