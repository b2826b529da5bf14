using System.Security.Claims;
using System.Text.Encodings.Web;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Governance.Web.Hosting;

/// <summary>
/// The identities of keys that authenticated lately, so that a machine client sending thousands of requests
/// is not looked up (key, account, roles, claims) for every one. Kept for <see cref="Lifetime"/>; a key
/// revoked is forgotten at once here and within about two seconds by every other process (all it kept then);
/// a change to the account (roles, lockout) counts from the next look-up.
/// </summary>
public sealed class ApiKeyPrincipals
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly IMemoryCache _cache;
    private readonly ChangeSignals _signals;
    private long _generation;

    public ApiKeyPrincipals(IMemoryCache cache, ChangeSignals signals)
    {
        _cache = cache;
        _signals = signals;
        // Another process revoked a key: which one does not travel, so everything kept is looked up again.
        signals.Subscribe(ChangeSignals.ApiKeys, () => Interlocked.Increment(ref _generation));
    }

    /// <summary>A copy of the identity the key had, for this request to use (and change) as its own.</summary>
    public ClaimsPrincipal? Find(string hash) =>
        _cache.TryGetValue(CacheKey(hash), out ClaimsPrincipal? principal) ? principal!.Clone() : null;

    public void Remember(string hash, ClaimsPrincipal principal) =>
        _cache.Set(CacheKey(hash), principal.Clone(), Lifetime);

    /// <summary>The key was revoked: the next request with it is looked up, and refused, on every process.</summary>
    public void Forget(string hash)
    {
        _cache.Remove(CacheKey(hash));
        _signals.Raise(ChangeSignals.ApiKeys);
    }

    private string CacheKey(string hash) => $"api-key:{Interlocked.Read(ref _generation)}:{hash}";
}

/// <summary>
/// Authenticates machine clients by the key in the X-Api-Key header: found by its prefix, compared
/// by hash in constant time, acting as the account that owns it with that account's roles. The database and
/// the claims factory (a user manager and its stores) are taken from the request's services only when a key
/// is looked up: a key remembered in <see cref="ApiKeyPrincipals"/> needs neither, and a machine client sends
/// thousands of requests a second.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyPrincipals known)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = values[0]!.Trim();
        var hash = ApiKey.HashOf(secret);
        if (known.Find(hash) is { } remembered)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(remembered, SchemeName));
        }

        var db = Context.RequestServices.GetRequiredService<GovernanceDbContext>();
        var prefix = ApiKey.PrefixOf(secret);
        var candidates = await db.ApiKeys.Where(k => k.Prefix == prefix && k.RevokedAtUtc == null).ToListAsync(Context.RequestAborted);
        var key = candidates.FirstOrDefault(k => k.Matches(secret));
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == key.UserId, Context.RequestAborted);
        if (user is null || !user.IsActive || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
        {
            return AuthenticateResult.Fail("The account of this API key is not active.");
        }

        var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        known.Remember(hash, principal);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
