using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

/// <summary>
/// Deactivating refuses sign-in from then on, ends every running session of the person at once and stops their API
/// keys; nothing of their work is removed. Reactivating lets them sign in again (with the password they had).
/// </summary>
public sealed record DeactivateAccountCommand(string UserId) : ICommand<Result>;

public sealed record ReactivateAccountCommand(string UserId) : ICommand<Result>;

public sealed class DeactivateAccountHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit, ApiKeyPrincipals apiKeys, TimeProvider time)
    : ICommandHandler<DeactivateAccountCommand, Result>
{
    public async ValueTask<Result> Handle(DeactivateAccountCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId && u.MunicipalityId == user.MunicipalityId, cancellationToken);
        if (account is null)
        {
            return new NotFound("Account");
        }

        if (!account.IsActive)
        {
            return Result.Success();
        }

        if ((await AccountRules.RolesOfAsync(db, account.Id, cancellationToken)).Contains(Roles.Beheerder)
            && !await AccountRules.OtherAdministratorExistsAsync(db, account.MunicipalityId, account.Id, cancellationToken))
        {
            return new LastAdministrator();
        }

        var now = time.GetUtcNow().UtcDateTime;
        account.DeactivatedAtUtc = now;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        await AccountRules.EndSessionsAsync(db, account.Id, now, cancellationToken);
        audit.Record(db, AuditAction.AccountDeactivated, $"{account.DisplayName} <{account.Email}>");
        await db.SaveChangesAsync(cancellationToken);
        foreach (var hash in await db.ApiKeys.Where(k => k.UserId == account.Id).Select(k => k.Hash).ToListAsync(cancellationToken))
        {
            apiKeys.Forget(hash);
        }

        return Result.Success();
    }
}

public sealed class ReactivateAccountHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<ReactivateAccountCommand, Result>
{
    public async ValueTask<Result> Handle(ReactivateAccountCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId && u.MunicipalityId == user.MunicipalityId, cancellationToken);
        if (account is null)
        {
            return new NotFound("Account");
        }

        if (account.IsActive)
        {
            return Result.Success();
        }

        account.DeactivatedAtUtc = null;
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        audit.Record(db, AuditAction.AccountReactivated, $"{account.DisplayName} <{account.Email}>");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
