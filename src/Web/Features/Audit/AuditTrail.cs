using Governance.Domain.Auditing;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;

namespace Governance.Web.Features.Audit;

/// <summary>
/// Writes the audit log: an entry is added to the context that makes the change, so both are saved together or
/// neither is. The actor is the signed-in person unless named.
/// </summary>
public sealed class AuditTrail(CurrentUser user, TimeProvider time)
{
    public void Record(GovernanceDbContext db, AuditAction action, string subject, params IEnumerable<AuditChange> changes) =>
        Record(db, user.MunicipalityId ?? throw new InvalidOperationException("An administration action needs a signed-in person."),
            user.UserId, user.DisplayName, action, subject, changes);

    public void Record(
        GovernanceDbContext db, MunicipalityId municipality, string? actorUserId, string actor, AuditAction action, string subject,
        params IEnumerable<AuditChange> changes) =>
        db.AuditLog.Add(new AuditEntry(municipality, time.GetUtcNow().UtcDateTime, actorUserId, actor, action, subject, AuditChange.Describe(changes)));
}

/// <summary>One field that changed, as the Beheerder reads it: "Rollen: Medewerker → Medewerker, Teamleider".</summary>
public readonly record struct AuditChange(string Field, string? Old, string? New, bool Initial = false)
{
    public bool IsChange => !string.Equals(Old ?? "", New ?? "", StringComparison.Ordinal);

    /// <summary>A value given when something is made (or a fact of the action): shown without an arrow.</summary>
    public static AuditChange Set(string field, string? value) => new(field, null, value, Initial: true);

    public static string Describe(IEnumerable<AuditChange> changes) =>
        string.Join('\n', changes.Where(c => c.IsChange).Select(c => c.ToString()));

    public override string ToString() => Initial ? $"{Field}: {Shown(New)}" : $"{Field}: {Shown(Old)} → {Shown(New)}";

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "–" : value;
}
