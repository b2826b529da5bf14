using Governance.Domain.Common;

namespace Governance.Domain.Municipalities;

/// <summary>
/// A municipality served by this installation. Every obligation, indicator, value, team and
/// account belongs to exactly one; one installation can serve the municipalities of a region.
/// </summary>
public sealed class Municipality : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 6;

    private Municipality()
    {
        Name = null!;
        Code = null!;
    }

    public Municipality(string name, string code)
    {
        Id = MunicipalityId.New();
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
        Code = Guard.Text(code, nameof(Code), CodeMaxLength).ToUpperInvariant();
        if (!Code.StartsWith("GM", StringComparison.Ordinal) || Code.Length != 6 || !Code[2..].All(char.IsAsciiDigit))
        {
            throw new DomainRuleException("A municipality code is the CBS code, GM followed by four digits (GM0935).");
        }
    }

    public MunicipalityId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The CBS municipality code, e.g. GM0935 for Maastricht.</summary>
    public string Code { get; private set; }

    private List<string> _twoFactorRoles = [];

    /// <summary>Whether people may sign in with a Governance password; off when the municipality signs in through single sign-on only.</summary>
    public bool PasswordSignIn { get; private set; } = true;

    public void AllowPasswordSignIn(bool allowed) => PasswordSignIn = allowed;

    /// <summary>The roles whose people must sign in with an authenticator app as the second step.</summary>
    public IReadOnlyList<string> TwoFactorRoles => _twoFactorRoles;

    public void RequireTwoFactorFor(IEnumerable<string> roles) =>
        _twoFactorRoles = [.. roles.Where(Accounts.Roles.All.Contains).Distinct().Order()];
}
