using Governance.Domain.Accounts;
using Governance.Workflows.Notifications;
using Hangfire;
using Microsoft.AspNetCore.Identity;

namespace Governance.Web.Features.Accounts;

public enum AccountMail
{
    Invitation,
    PasswordReset,
}

/// <summary>
/// Sends the e-mails with a one-time link: the invitation and the password reset. The link's token is made here,
/// when the e-mail goes out, so no secret waits in the job queue; it is tied to the account's security stamp, so
/// it works once (setting the password changes the stamp) and only for its lifetime.
/// </summary>
public sealed class AccountMailJob(UserManager<ApplicationUser> users, IMailer mailer, Domain.Persistence.GovernanceDbContext db)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task SendAsync(string userId, AccountMail kind, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null || !user.IsActive || (kind == AccountMail.Invitation && !user.IsInvitationPending))
        {
            return;
        }

        var mail = kind switch
        {
            AccountMail.Invitation => new OutgoingMail(
                user.Email,
                user.DisplayName,
                "Uitnodiging voor Governance",
                $"U bent uitgenodigd voor Governance, het systeem voor moties, toezeggingen en raadsinformatiebrieven. Open de link hieronder om uw wachtwoord in te stellen; de link werkt één keer en is {AccountTokens.InvitationLifetime.TotalDays:0} dagen geldig.",
                $"/account/invitation?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(await users.GenerateUserTokenAsync(user, AccountTokens.InvitationProvider, AccountTokens.InvitationPurpose))}",
                "Uw persoonlijke link"),
            _ => new OutgoingMail(
                user.Email,
                user.DisplayName,
                "Nieuw wachtwoord voor Governance",
                $"Er is gevraagd om een nieuw wachtwoord voor uw account. Open de link hieronder om het in te stellen; de link werkt één keer en is {AccountTokens.ResetLifetime.TotalHours:0} uur geldig. Vroeg u hier niet om, dan kunt u deze e-mail negeren: uw wachtwoord blijft dan hetzelfde.",
                $"/account/reset?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync(user))}",
                "Uw persoonlijke link"),
        };
        var address = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Municipalities.Where(m => m.Id == user.MunicipalityId).Select(m => m.PublicAddress), cancellationToken);
        await mailer.SendAsync(mail with { PublicAddress = address }, cancellationToken);
    }
}
