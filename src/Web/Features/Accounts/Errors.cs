using Governance.Domain.Common;

namespace Governance.Web.Features.Accounts;

/// <summary>Passwords stay on while nothing else lets people sign in.</summary>
public sealed record NoSingleSignOn()
    : Error("no_single_sign_on", "Zonder single sign-on kan niemand zich meer aanmelden als wachtwoorden uit staan. Stel eerst single sign-on in.");

/// <summary>A deactivated account gets no invitation or reset mail until it is activated again.</summary>
public sealed record AccountDeactivated()
    : Error("account_deactivated", "Dit account is gedeactiveerd. Activeer het eerst opnieuw.");

/// <summary>A municipality keeps at least one active administrator, or nobody can manage its accounts.</summary>
public sealed record LastAdministrator()
    : Error("last_administrator", "Dit is de laatste actieve beheerder van de gemeente. Maak eerst iemand anders beheerder; anders kan niemand de accounts meer beheren.");
