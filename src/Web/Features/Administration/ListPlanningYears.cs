using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Administration;

public sealed record ListPlanningYearsQuery : IQuery<IReadOnlyList<PlanningYearLine>>;

public sealed record PlanningYearLine(int Year, DateOnly? FirstManagementReport, DateOnly? AnnualAccounts, IReadOnlyList<DateOnly> CouncilMeetings);

public sealed class ListPlanningYearsHandler(IDbContextFactory<GovernanceDbContext> dbFactory)
    : IQueryHandler<ListPlanningYearsQuery, IReadOnlyList<PlanningYearLine>>
{
    public async ValueTask<IReadOnlyList<PlanningYearLine>> Handle(ListPlanningYearsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = await db.PlanningYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        return [.. years.Select(y => new PlanningYearLine(y.Year, y.FirstManagementReport, y.AnnualAccounts, y.CouncilMeetings))];
    }
}
