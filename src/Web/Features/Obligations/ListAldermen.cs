using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>The aldermen of the municipality, for filters and pickers.</summary>
public sealed record ListAldermenQuery : IQuery<IReadOnlyList<AldermanLine>>;

public sealed class ListAldermenHandler(IDbContextFactory<GovernanceDbContext> dbFactory)
    : IQueryHandler<ListAldermenQuery, IReadOnlyList<AldermanLine>>
{
    public async ValueTask<IReadOnlyList<AldermanLine>> Handle(ListAldermenQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var aldermen = await db.Aldermen.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return [.. aldermen.Select(a => new AldermanLine(a.Id.Value, a.Name, a.Portfolio))];
    }
}

/// <summary>The council's bodies in use and those obligations were registered under, for filters and the registration form.</summary>
public sealed record ListCommitteesQuery : IQuery<IReadOnlyList<string>>;

public sealed class ListCommitteesHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListCommitteesQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListCommitteesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var registered = await db.Obligations.AsNoTracking().Select(o => o.Meeting.Body).Distinct().ToListAsync(cancellationToken);
        var current = await db.Committees.AsNoTracking().Where(c => c.RetiredOn == null).Select(c => c.Name).ToListAsync(cancellationToken);
        return [.. registered.Union(current).Order(StringComparer.CurrentCulture)];
    }
}

/// <summary>The policy areas an obligation can be filed under (those in use), for pickers and filters.</summary>
public sealed record ListPolicyAreaNamesQuery(bool IncludeRetired = false) : IQuery<IReadOnlyList<string>>;

public sealed class ListPolicyAreaNamesHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListPolicyAreaNamesQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListPolicyAreaNamesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.PolicyAreas.AsNoTracking().Where(a => query.IncludeRetired || a.RetiredOn == null).Select(a => a.Name).ToListAsync(cancellationToken);
        return [.. names.Order(StringComparer.CurrentCulture)];
    }
}
