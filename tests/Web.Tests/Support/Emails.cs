using Governance.Domain.Accounts;
using Governance.Web.Hosting.Seeding;

namespace Governance.Web.Tests.Support;

/// <summary>The demo accounts by role (Maastricht), for test matrices.</summary>
public static class Emails
{
    public static string For(string role) => DemoUsers.All.First(u => u.Role == role && u.Municipality == "Maastricht").Email;

    public static string DisplayName(string role) => DemoUsers.All.First(u => u.Role == role && u.Municipality == "Maastricht").DisplayName;

    public const string VaalsGriffie = "griffie@vaals.demo";

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    public static TheoryData<string> AllRolesBut(string role) => [.. Roles.All.Where(r => r != role)];
}
