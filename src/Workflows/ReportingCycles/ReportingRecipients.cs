using Governance.Domain.Accounts;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// The people a reporting step can notify: staff and team leads per team, the griffie per municipality, the aldermen by
/// their place in the college; each replaced by their substitute while away.
/// </summary>
internal sealed class ReportingRecipients
{
    private readonly Dictionary<string, string> actingFor;

    private ReportingRecipients(
        Dictionary<string, string> actingFor, ILookup<TeamId?, string> staff, ILookup<TeamId?, string> teamLeads, ILookup<MunicipalityId, string> griffie, ILookup<AldermanId?, string> aldermen)
    {
        this.actingFor = actingFor;
        Staff = staff;
        TeamLeads = teamLeads;
        Griffie = griffie;
        Aldermen = aldermen;
    }

    public ILookup<TeamId?, string> Staff { get; }

    public ILookup<TeamId?, string> TeamLeads { get; }

    public ILookup<MunicipalityId, string> Griffie { get; }

    public ILookup<AldermanId?, string> Aldermen { get; }

    public string ActingFor(string userId) => actingFor.GetValueOrDefault(userId, userId);

    public static async Task<ReportingRecipients> ReadAsync(GovernanceDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var roles = new[] { Roles.Medewerker, Roles.Teamleider, Roles.Griffie, Roles.Wethouder };
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where roles.Contains(r.Name!) && u.DeactivatedAtUtc == null
                            select new { u.Id, u.MunicipalityId, u.TeamId, u.AldermanId, Role = r.Name, u.SubstituteUserId, u.AwayUntil }).ToListAsync(cancellationToken);
        // While someone is away, their substitute gets what they would have got.
        var actingFor = people.GroupBy(p => p.Id).ToDictionary(
            g => g.Key,
            g => g.First().SubstituteUserId is { } substitute && g.First().AwayUntil is { } until && today <= until ? substitute : g.Key);
        return new ReportingRecipients(
            actingFor,
            people.Where(p => p.Role == Roles.Medewerker).ToLookup(p => p.TeamId, p => actingFor[p.Id]),
            people.Where(p => p.Role == Roles.Teamleider).ToLookup(p => p.TeamId, p => actingFor[p.Id]),
            people.Where(p => p.Role == Roles.Griffie).ToLookup(p => p.MunicipalityId, p => actingFor[p.Id]),
            people.Where(p => p.Role == Roles.Wethouder && p.AldermanId != null).ToLookup(p => p.AldermanId, p => actingFor[p.Id]));
    }
}
