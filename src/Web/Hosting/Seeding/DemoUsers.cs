using Governance.Domain.Accounts;

namespace Governance.Web.Hosting.Seeding;

/// <summary>
/// The demo accounts: one per role in Maastricht, and in each Heuvelland municipality its griffie and a council member
/// (Vaals also its portfolio holder), who see the region's figures beside their own and nothing of each other's that was
/// not shared.
/// </summary>
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
        new("raadslid@vaals.demo", "Tom Bastin", Roles.Raadslid, "Vaals"),
        new("wethouder@vaals.demo", "Paul Kohnen", Roles.Wethouder, "Vaals", Alderman: "Paul Kohnen"),
        new("griffie@eijsden-margraten.demo", "Noor Bemelmans", Roles.Griffie, "Eijsden-Margraten"),
        new("raadslid@eijsden-margraten.demo", "Bas Ummels", Roles.Raadslid, "Eijsden-Margraten"),
        new("griffie@gulpen-wittem.demo", "Lieke Houben", Roles.Griffie, "Gulpen-Wittem"),
        new("raadslid@gulpen-wittem.demo", "Jos Lardinois", Roles.Raadslid, "Gulpen-Wittem"),
        new("griffie@meerssen.demo", "Fleur Notermans", Roles.Griffie, "Meerssen"),
        new("raadslid@meerssen.demo", "Rik Schepers", Roles.Raadslid, "Meerssen"),
        new("griffie@valkenburg.demo", "Iris Vliegen", Roles.Griffie, "Valkenburg aan de Geul"),
        new("raadslid@valkenburg.demo", "Luc Kusters", Roles.Raadslid, "Valkenburg aan de Geul"),
    ];
}

public sealed record DemoUser(string Email, string DisplayName, string Role, string Municipality, string? Team = null, string? Alderman = null);
