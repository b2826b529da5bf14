using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Administration;

/// <summary>A revoked key stops working at once (on every server within <see cref="ApiKeyPrincipals.Lifetime"/>); it stays listed as revoked.</summary>
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Result>;

internal sealed class RevokeApiKeyHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time, ApiKeyPrincipals known)
    : ICommandHandler<RevokeApiKeyCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ApiKeyId(command.Id);
        var key = await (from k in db.ApiKeys
                         join u in db.Users on k.UserId equals u.Id
                         where k.Id == id && u.MunicipalityId == user.MunicipalityId
                         select k).SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return new NotFound("API key");
        }

        key.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        known.Forget(key.Hash);
        return Result.Success();
    }
}
