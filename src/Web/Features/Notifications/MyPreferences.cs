using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Notifications;

/// <summary>Whether the current person gets one e-mail per event or one summary a day.</summary>
public sealed record GetMyPreferencesQuery : IQuery<MyPreferences>;

public sealed record MyPreferences(bool EmailDigest);

public sealed record SetEmailDigestCommand(bool EmailDigest) : ICommand<Result>;

public sealed class GetMyPreferencesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user) : IQueryHandler<GetMyPreferencesQuery, MyPreferences>
{
    public async ValueTask<MyPreferences> Handle(GetMyPreferencesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new MyPreferences(await db.Users.Where(u => u.Id == user.UserId).Select(u => u.EmailDigest).SingleOrDefaultAsync(cancellationToken));
    }
}

public sealed class SetEmailDigestHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user) : ICommandHandler<SetEmailDigestCommand, Result>
{
    public async ValueTask<Result> Handle(SetEmailDigestCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = await db.Users.SingleOrDefaultAsync(u => u.Id == user.UserId, cancellationToken);
        if (me is null)
        {
            return new NotFound("Account");
        }

        me.EmailDigest = command.EmailDigest;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
