using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Home;

public sealed record GetHomeSummaryQuery : IQuery<HomeSummary>;

/// <summary>How many obligations of the municipality are in each status.</summary>
public sealed record HomeSummary(IReadOnlyDictionary<ObligationStatus, int> ByStatus, int Indicators)
{
    public int Total => ByStatus.Values.Sum();
}

public sealed class GetHomeSummaryHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<GetHomeSummaryQuery, HomeSummary>
{
    public async ValueTask<HomeSummary> Handle(GetHomeSummaryQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Obligations.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.CountAsync(cancellationToken);
        return new HomeSummary(
            Enum.GetValues<ObligationStatus>().ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0),
            indicators);
    }
}
