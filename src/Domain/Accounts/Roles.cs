namespace Governance.Domain.Accounts;

/// <summary>The roles of Governance, named as the municipality names them.</summary>
public static class Roles
{
    public const string Griffie = "Griffie";
    public const string Wethouder = "Wethouder";
    public const string Medewerker = "Medewerker";
    public const string Teamleider = "Teamleider";
    public const string Raadslid = "Raadslid";
    public const string Beheerder = "Beheerder";

    public static IReadOnlyList<string> All { get; } = [Griffie, Wethouder, Medewerker, Teamleider, Raadslid, Beheerder];
}
