using Governance.Domain.Accounts;

namespace Governance.Web.Hosting.Seeding;

/// <summary>The demo accounts, one per role, and one in Vaals to show that municipalities do not see each other's data.</summary>
public static class DemoUsers
{
    /// <summary>Demo mode only; shown on the sign-in page and in the README.</summary>
    public const string Password = "Demo-Governance-2025";

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("griffie@maastricht.demo", "Anouk Janssen", Roles.Griffie, "Maastricht"),
        new("wethouder.hoenderkamp@maastricht.demo", "Jeroen Hoenderkamp", Roles.Wethouder, "Maastricht", Alderman: "Jeroen Hoenderkamp"),
        new("wethouder.mackus@maastricht.demo", "Hubert Mackus", Roles.Wethouder, "Maastricht", Alderman: "Hubert Mackus"),
        new("wethouder.pas@maastricht.demo", "Johan Pas", Roles.Wethouder, "Maastricht", Alderman: "Johan Pas"),
        new("medewerker@maastricht.demo", "Sanne Peeters", Roles.Medewerker, "Maastricht", Team: "Onderzoek en Statistiek"),
        new("teamleider@maastricht.demo", "Maurice Hermans", Roles.Teamleider, "Maastricht", Team: "Onderzoek en Statistiek"),
        new("raadslid@maastricht.demo", "Lotte Vossen", Roles.Raadslid, "Maastricht"),
        new("beheerder@maastricht.demo", "Ruud Willems", Roles.Beheerder, "Maastricht"),
        new("griffie@vaals.demo", "Elke Schmitz", Roles.Griffie, "Vaals"),
    ];
}

public sealed record DemoUser(string Email, string DisplayName, string Role, string Municipality, string? Team = null, string? Alderman = null);
