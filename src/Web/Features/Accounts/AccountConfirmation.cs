using Governance.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Governance.Web.Features.Accounts;

/// <summary>Who may sign in at all (with a password or single sign-on): an active account whose invitation was accepted.</summary>
internal sealed class AccountConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(user.IsActive && !user.IsInvitationPending);
}
