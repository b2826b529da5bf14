using Governance.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Web.Hosting;

/// <summary>The authorization policies; every page and endpoint names one. Anything unnamed is denied to anonymous users.</summary>
public static class Policies
{
    /// <summary>Every role reads obligations, their status and history (council members read only).</summary>
    public const string ReadObligations = "obligations.read";

    /// <summary>The griffie registers and edits motions and commitments.</summary>
    public const string ManageObligations = "obligations.manage";

    public const string ReadIndicators = "indicators.read";

    /// <summary>The griffie defines an indicator on the spot while registering; the beheerder keeps the catalogue.</summary>
    public const string DefineIndicators = "indicators.define";

    /// <summary>Reporting cycles are the executive's and the griffie's work; council members see their outcome (letters, status).</summary>
    public const string ReadCycles = "cycles.read";

    /// <summary>Staff and team leads supply indicator values (the griffie does not); ownership by team is checked per task.</summary>
    public const string EnterValues = "values.enter";

    /// <summary>Team leads reassign their team's tasks.</summary>
    public const string LeadTeam = "team.lead";

    /// <summary>The functional administrator: users, teams, catalogue, schedule.</summary>
    public const string Administer = "administration";

    /// <summary>The council's side of the organisation (aldermen and their terms, committees): the griffie and the beheerder.</summary>
    public const string ManageCouncilBodies = "organisation.council";

    /// <summary>Every role reads letters; council members only those that are finalised (checked per letter).</summary>
    public const string ReadLetters = "letters.read";

    /// <summary>Letter templates: the beheerder and the griffie edit them.</summary>
    public const string EditTemplates = "letters.templates";

    /// <summary>Approving and sending back letters: the aldermen.</summary>
    public const string ApproveLetters = "letters.approve";

    /// <summary>What the municipality shares with a cooperation: the griffie and the beheerder decide.</summary>
    public const string ShareRegionally = "regions.share";

    /// <summary>The regional monitor: council members, the griffie and the aldermen of the cooperating municipalities.</summary>
    public const string ReadRegionalMonitor = "regions.monitor";

    /// <summary>Any signed-in person, whatever the role (home page, own account).</summary>
    public const string SignedIn = "signed-in";

    public static AuthorizationBuilder AddGovernancePolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(ReadObligations, p => p.RequireRole(Roles.All))
        .AddPolicy(ReadIndicators, p => p.RequireRole(Roles.All))
        .AddPolicy(ReadCycles, p => p.RequireRole(Roles.Griffie, Roles.Wethouder, Roles.Medewerker, Roles.Teamleider, Roles.Beheerder))
        .AddPolicy(ManageObligations, p => p.RequireRole(Roles.Griffie))
        .AddPolicy(DefineIndicators, p => p.RequireRole(Roles.Griffie, Roles.Beheerder))
        .AddPolicy(EnterValues, p => p.RequireRole(Roles.Medewerker, Roles.Teamleider))
        .AddPolicy(LeadTeam, p => p.RequireRole(Roles.Teamleider))
        .AddPolicy(ApproveLetters, p => p.RequireRole(Roles.Wethouder))
        .AddPolicy(ReadLetters, p => p.RequireRole(Roles.All))
        .AddPolicy(EditTemplates, p => p.RequireRole(Roles.Griffie, Roles.Beheerder))
        .AddPolicy(ManageCouncilBodies, p => p.RequireRole(Roles.Griffie, Roles.Beheerder))
        .AddPolicy(ShareRegionally, p => p.RequireRole(Roles.Griffie, Roles.Beheerder))
        .AddPolicy(ReadRegionalMonitor, p => p.RequireRole(Roles.Raadslid, Roles.Griffie, Roles.Wethouder, Roles.Beheerder))
        .AddPolicy(Administer, p => p.RequireRole(Roles.Beheerder));
}
