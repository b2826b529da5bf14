using System.Security.Claims;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;

namespace Governance.Web.Hosting;

/// <summary>
/// Who is acting in this scope: the signed-in person of an HTTP request or of a Blazor circuit
/// (set by <see cref="UserCircuitHandler"/>). Also the municipality scope of the database.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : IMunicipalityContext
{
    private ClaimsPrincipal? _circuitUser;

    public ClaimsPrincipal Principal => _circuitUser ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName => Principal.FindFirstValue(GovernanceClaims.DisplayName) ?? Principal.Identity?.Name ?? "system";

    public MunicipalityId? MunicipalityId =>
        Guid.TryParse(Principal.FindFirstValue(GovernanceClaims.Municipality), out var id) ? new MunicipalityId(id) : null;

    public string? MunicipalityName => Principal.FindFirstValue(GovernanceClaims.MunicipalityName);

    public TeamId? TeamId => Guid.TryParse(Principal.FindFirstValue(GovernanceClaims.Team), out var id) ? new TeamId(id) : null;

    public AldermanId? AldermanId => Guid.TryParse(Principal.FindFirstValue(GovernanceClaims.Alderman), out var id) ? new AldermanId(id) : null;

    public bool IsSystem => false;

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>A council member and nothing else: reads only what the council receives (finalised letters, no drafts).</summary>
    public bool ReadsAsCouncilMember => IsInRole(Roles.Raadslid) && Roles.All.Where(r => r != Roles.Raadslid).All(r => !IsInRole(r));

    internal void SetCircuitUser(ClaimsPrincipal user) => _circuitUser = user;
}

public static class GovernanceClaims
{
    public const string Municipality = "governance:municipality";
    public const string MunicipalityName = "governance:municipality_name";
    public const string DisplayName = "governance:display_name";
    public const string Team = "governance:team";
    public const string Alderman = "governance:alderman";
    public const string TwoFactorSetupRequired = "governance:two_factor_setup_required";
}
