using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

/// <summary>What an account can be linked to: the municipality's teams in use and its aldermen.</summary>
public sealed record AccountChoicesQuery : IQuery<AccountChoices>;

public sealed record AccountChoices(IReadOnlyList<Choice> Teams, IReadOnlyList<Choice> Aldermen);

public sealed record Choice(Guid Id, string Name);

public sealed class AccountChoicesHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<AccountChoicesQuery, AccountChoices>
{
    public async ValueTask<AccountChoices> Handle(AccountChoicesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.Where(t => t.RetiredOn == null).OrderBy(t => t.Name).Select(t => new Choice(t.Id.Value, t.Name)).ToListAsync(cancellationToken);
        var aldermen = await db.Aldermen.OrderBy(a => a.Name).Select(a => new Choice(a.Id.Value, a.Name)).ToListAsync(cancellationToken);
        return new AccountChoices(teams, aldermen);
    }
}
