using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Auditing;

/// <summary>
/// One administration action or sign-in in a municipality: who did what, when, to whom or what, and what changed
/// (old → new). Written in the same save as the change it describes, never changed afterwards. Numbered in the
/// order they were written, so the log pages by number instead of by offset.
/// </summary>
public sealed class AuditEntry : IMunicipalityOwned
{
    public const int ActorMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int DetailsMaxLength = 4000;

    private AuditEntry()
    {
        Actor = null!;
        Subject = null!;
        Details = null!;
    }

    public AuditEntry(MunicipalityId municipalityId, DateTime atUtc, string? actorUserId, string actor, AuditAction action, string subject, string details)
    {
        MunicipalityId = municipalityId;
        AtUtc = atUtc;
        ActorUserId = actorUserId;
        Actor = Cut(actor, ActorMaxLength);
        Action = action;
        Subject = Cut(subject, SubjectMaxLength);
        Details = Cut(details, DetailsMaxLength);
    }

    public long Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The account that acted; null for the system (a job, the start-up) or an unknown person signing in.</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>The actor's name as it was then (accounts are renamed; the log is not).</summary>
    public string Actor { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>What the action was about, by name: the person, team, alderman, indicator, setting.</summary>
    public string Subject { get; private set; }

    /// <summary>What changed, one "field: old → new" per line; empty when the action says it all.</summary>
    public string Details { get; private set; }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>What an <see cref="AuditEntry"/> records; stored by name.</summary>
public enum AuditAction
{
    SignedIn,
    SignInFailed,
    SignedOut,
    AccountInvited,
    InvitationAccepted,
    AccountChanged,
    AccountDeactivated,
    AccountReactivated,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    ApiKeyCreated,
    ApiKeyRevoked,
    TeamCreated,
    TeamChanged,
    TeamRetired,
    AldermanAdded,
    AldermanChanged,
    CollegeSucceeded,
    CommitteeAdded,
    CommitteeChanged,
    PolicyAreaAdded,
    PolicyAreaChanged,
    PlanningChanged,
    IndicatorChanged,
    IndicatorRetired,
    SettingsChanged,
    CooperationCreated,
    CooperationChanged,
    RegionalShareGiven,
    RegionalShareRevoked,
    RegionalLetterChanged,
}
