using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

/// <summary>
/// The Beheerder sends a person a new one-time link: the invitation again (the earlier link stops working) or,
/// for an accepted account, a password reset.
/// </summary>
public sealed record SendAccountLinkCommand(string UserId) : ICommand<Result<AccountMail>>;

public sealed class SendAccountLinkHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit, IBackgroundJobClient jobs, TimeProvider time)
    : ICommandHandler<SendAccountLinkCommand, Result<AccountMail>>
{
    public async ValueTask<Result<AccountMail>> Handle(SendAccountLinkCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId && u.MunicipalityId == user.MunicipalityId, cancellationToken);
        if (account is null)
        {
            return new NotFound("Account");
        }

        if (!account.IsActive)
        {
            return new AccountDeactivated();
        }

        var kind = account.IsInvitationPending ? AccountMail.Invitation : AccountMail.PasswordReset;
        if (kind == AccountMail.Invitation)
        {
            // A new invitation replaces the old one: the earlier link stops working.
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            account.InvitedAtUtc = time.GetUtcNow().UtcDateTime;
        }

        audit.Record(db, kind == AccountMail.Invitation ? AuditAction.AccountInvited : AuditAction.PasswordResetRequested, $"{account.DisplayName} <{account.Email}>");
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<AccountMailJob>(job => job.SendAsync(account.Id, kind, CancellationToken.None));
        return kind;
    }
}
