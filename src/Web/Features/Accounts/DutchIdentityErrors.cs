using Microsoft.AspNetCore.Identity;

namespace Governance.Web.Features.Accounts;

/// <summary>The messages of ASP.NET Core Identity a person can meet, in Dutch (the UI's language; the API shows them too).</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Het wachtwoord moet ten minste {length} tekens lang zijn. Een zin van een paar woorden is sterk en goed te onthouden." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Het wachtwoord moet ten minste {uniqueChars} verschillende tekens bevatten." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Het huidige wachtwoord klopt niet." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Er is al een account met dit e-mailadres." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Er is al een account met dit e-mailadres." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Dit is geen geldig e-mailadres." };

    public override IdentityError UserAlreadyHasPassword() =>
        new() { Code = nameof(UserAlreadyHasPassword), Description = "Dit account heeft al een wachtwoord; meld u aan of vraag een nieuw wachtwoord aan." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Het account is intussen gewijzigd. Probeer het opnieuw." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Dat lukte niet. Probeer het opnieuw." };
}
