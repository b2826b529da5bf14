namespace Governance.Web.Features.Account;

/// <summary>The fields of the password forms (set, reset, change), as posted.</summary>
public sealed class PasswordInput
{
    public string? Current { get; set; }

    public string? Password { get; set; }

    public string? Repeat { get; set; }

    public string? Email { get; set; }

    /// <summary>The problems of the new password, in Dutch; empty when the two entries match.</summary>
    public IReadOnlyList<string> MismatchProblems() =>
        string.IsNullOrEmpty(Password) ? ["Vul een nieuw wachtwoord in."]
        : Password != Repeat ? ["De twee wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord twee keer hetzelfde."]
        : [];
}
