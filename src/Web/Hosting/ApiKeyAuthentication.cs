using System.Text.Encodings.Web;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Web.Hosting;

/// <summary>
/// Authenticates machine clients by the key in the X-Api-Key header: found by its prefix, compared
/// by hash in constant time, acting as the account that owns it with that account's roles.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GovernanceDbContext db,
    IUserClaimsPrincipalFactory<ApplicationUser> principalFactory)
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
        var prefix = ApiKey.PrefixOf(secret);
        var candidates = await db.ApiKeys.Where(k => k.Prefix == prefix && k.RevokedAtUtc == null).ToListAsync(Context.RequestAborted);
        var key = candidates.FirstOrDefault(k => k.Matches(secret));
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == key.UserId, Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
        {
            return AuthenticateResult.Fail("The account of this API key is not active.");
        }

        var principal = await principalFactory.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
