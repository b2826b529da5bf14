using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;

namespace Governance.Web.Features.Accounts;

/// <summary>
/// Records sign-ins in the audit log and the account's last sign-in, for every way of signing in. Uses the request's
/// own context, the one Identity's managers work in, so the account is the tracked one.
/// </summary>
public sealed class SignInAudit(GovernanceDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task SucceededAsync(ApplicationUser user, string how, CancellationToken cancellationToken)
    {
        user.LastSignInAtUtc = time.GetUtcNow().UtcDateTime;
        Record(user, user.Id, AuditAction.SignedIn, how);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A sign-in of a known account that was refused; the actor is unknown (whoever tried), the subject the account.</summary>
    public async Task FailedAsync(ApplicationUser user, string reason, CancellationToken cancellationToken)
    {
        Record(user, null, AuditAction.SignInFailed, reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An account action the person did themselves (accepting the invitation, a new password).</summary>
    public async Task ByThemselvesAsync(ApplicationUser user, AuditAction action, CancellationToken cancellationToken)
    {
        Record(user, user.Id, action, "");
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Record(ApplicationUser user, string? actorId, AuditAction action, string details) =>
        audit.Record(db, user.MunicipalityId, actorId, actorId is null ? "onbekend" : user.DisplayName, action, $"{user.DisplayName} <{user.Email}>",
            details.Length == 0 ? [] : [AuditChange.Set("Hoe", details)]);
}
