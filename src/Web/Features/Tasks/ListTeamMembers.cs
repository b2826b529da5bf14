using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Tasks;

/// <summary>The people of my team, with who stands in for whom while away: for the team lead's page and the assignee pickers.</summary>
public sealed record ListTeamMembersQuery : IQuery<IReadOnlyList<TeamMember>>;

public sealed record TeamMember(string Id, string Name, string Email, bool IsStaff, string? SubstituteUserId, string? SubstituteName, DateOnly? AwayUntil);

public sealed class ListTeamMembersHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user) : IQueryHandler<ListTeamMembersQuery, IReadOnlyList<TeamMember>>
{
    public async ValueTask<IReadOnlyList<TeamMember>> Handle(ListTeamMembersQuery query, CancellationToken cancellationToken)
    {
        if (user.TeamId is not { } team || user.MunicipalityId is not { } municipality)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == team && u.MunicipalityId == municipality)
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                IsStaff = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id && r.Name == Roles.Medewerker select r).Any(),
                u.SubstituteUserId,
                SubstituteName = db.Users.Where(s => s.Id == u.SubstituteUserId).Select(s => s.DisplayName).FirstOrDefault(),
                u.AwayUntil,
            })
            .ToListAsync(cancellationToken);
        return [.. members.Select(m => new TeamMember(m.Id, m.DisplayName, m.Email ?? "", m.IsStaff, m.SubstituteUserId, m.SubstituteName, m.AwayUntil))];
    }
}
