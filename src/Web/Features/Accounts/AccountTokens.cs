using Governance.Domain.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Governance.Web.Features.Accounts;

/// <summary>The lifetimes of the one-time links: an invitation a week, a password reset two hours.</summary>
public static class AccountTokens
{
    public const string InvitationProvider = "Invitation";
    public const string InvitationPurpose = "accept-invitation";

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);

    public static IdentityBuilder AddAccountTokens(this IdentityBuilder identity)
    {
        identity.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = ResetLifetime);
        identity.Services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationProvider;
            o.TokenLifespan = InvitationLifetime;
        });
        return identity.AddTokenProvider<InvitationTokenProvider>(InvitationProvider);
    }
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>The invitation's token: the same protection as a reset token, its own purpose and lifetime.</summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger);
