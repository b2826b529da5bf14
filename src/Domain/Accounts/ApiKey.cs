using System.Security.Cryptography;
using System.Text;
using Governance.Domain.Common;

namespace Governance.Domain.Accounts;

/// <summary>
/// A key a machine client (e.g. the data warehouse) uses instead of a cookie. Only a SHA-256 hash
/// is stored; the key itself is shown once, when created.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int NameMaxLength = 80;
    public const int PrefixLength = 8;

    private ApiKey()
    {
        UserId = null!;
        Name = null!;
        Prefix = null!;
        Hash = null!;
    }

    private ApiKey(string userId, string name, string prefix, string hash, DateTime createdAtUtc)
    {
        Id = ApiKeyId.New();
        UserId = userId;
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
        Prefix = prefix;
        Hash = hash;
        CreatedAtUtc = createdAtUtc;
    }

    public ApiKeyId Id { get; private set; }

    public string UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The first characters of the key, to find it without scanning every hash.</summary>
    public string Prefix { get; private set; }

    public string Hash { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>Creates a key for a user; returns the entity to store and the secret to show once.</summary>
    public static (ApiKey Key, string Secret) Create(string userId, string name, DateTime nowUtc)
    {
        var secret = "gov_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new ApiKey(userId, name, PrefixOf(secret), HashOf(secret), nowUtc), secret);
    }

    public static string PrefixOf(string secret) => secret.Length >= 4 + PrefixLength ? secret[..(4 + PrefixLength)] : secret;

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time.</summary>
    public bool Matches(string secret) =>
        IsActive && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(HashOf(secret)));

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}
