using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Governance.Domain.Accounts;

/// <summary>A person (or machine client) with an account in one municipality.</summary>
public sealed class ApplicationUser : IdentityUser, IMunicipalityOwned
{
    public const int DisplayNameMaxLength = 120;

    public string DisplayName { get; set; } = "";

    public MunicipalityId MunicipalityId { get; set; }

    /// <summary>The team of a staff member or team lead.</summary>
    public TeamId? TeamId { get; set; }

    /// <summary>The alderman this account belongs to, for a wethouder.</summary>
    public AldermanId? AldermanId { get; set; }

    /// <summary>Who takes over this person's indicator tasks while they are away (until <see cref="AwayUntil"/>).</summary>
    public string? SubstituteUserId { get; set; }

    public DateOnly? AwayUntil { get; set; }

    /// <summary>One e-mail a day with all new notifications, instead of one e-mail per event.</summary>
    public bool EmailDigest { get; set; }

    /// <summary>When the Beheerder invited this person; null for accounts made otherwise (the first administrator).</summary>
    public DateTime? InvitedAtUtc { get; set; }

    /// <summary>Set while the account is deactivated: sign-in refused, sessions ended, API keys refused.</summary>
    public DateTime? DeactivatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    public bool IsActive => DeactivatedAtUtc is null;

    /// <summary>Invited and not yet accepted: no password and no single sign-on link yet.</summary>
    public bool IsInvitationPending => InvitedAtUtc is not null && !EmailConfirmed;

    /// <summary>The person who should act for this one today: the substitute while away, else this person.</summary>
    public string ActingFor(DateOnly today) =>
        SubstituteUserId is { } substitute && AwayUntil is { } until && today <= until ? substitute : Id;
}
