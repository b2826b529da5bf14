using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;

namespace Governance.Domain.PublicRegister;

/// <summary>
/// Someone outside the municipality who follows an item or a committee of the public register by e-mail. It counts
/// only once confirmed from the e-mail it was asked for (double opt-in); unconfirmed it is removed after
/// <see cref="ConfirmWithin"/>, and leaving removes it: the address is kept for nothing else. The links in the e-mails
/// carry a token the app signs (confirming, leaving with one click), so no secret is stored with the address.
/// </summary>
public sealed class PublicSubscription : IMunicipalityOwned
{
    public const int EmailMaxLength = 254;

    /// <summary>How long a confirmation link works; an address never confirmed is forgotten after it.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromDays(7);

    private PublicSubscription()
    {
        Email = null!;
    }

    private PublicSubscription(MunicipalityId municipalityId, string email, ObligationId? obligationId, string? committee, DateTime nowUtc)
    {
        Id = PublicSubscriptionId.New();
        MunicipalityId = municipalityId;
        Email = email;
        ObligationId = obligationId;
        Committee = committee;
        CreatedAtUtc = nowUtc;
    }

    public PublicSubscriptionId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    /// <summary>The address, trimmed and in lower case.</summary>
    public string Email { get; private set; }

    /// <summary>The item followed; or none, when a committee is.</summary>
    public ObligationId? ObligationId { get; private set; }

    /// <summary>The committee (meeting body) followed: every public item made or adopted there.</summary>
    public string? Committee { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public bool IsConfirmed => ConfirmedAtUtc is not null;

    /// <summary>A new, unconfirmed subscription to an item or (exclusively) a committee.</summary>
    public static PublicSubscription Ask(MunicipalityId municipalityId, string email, ObligationId? obligationId, string? committee, DateTime nowUtc)
    {
        if (obligationId is null == committee is null)
        {
            throw new DomainRuleException("A subscription follows an item or a committee, not both or neither.");
        }

        return new PublicSubscription(
            municipalityId,
            Guard.Text(email, nameof(Email), EmailMaxLength).ToLowerInvariant(),
            obligationId,
            committee is null ? null : Guard.Text(committee, nameof(Committee), Meeting.BodyMaxLength),
            nowUtc);
    }

    /// <summary>Confirmed from the e-mail; a link past its time confirms nothing.</summary>
    public bool Confirm(DateTime nowUtc)
    {
        if (IsConfirmed)
        {
            return true;
        }

        if (nowUtc - CreatedAtUtc > ConfirmWithin)
        {
            return false;
        }

        ConfirmedAtUtc = nowUtc;
        return true;
    }
}
