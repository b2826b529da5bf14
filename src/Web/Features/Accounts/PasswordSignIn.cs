using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Web.Features.Accounts;

/// <summary>How the municipality's people sign in: whether single sign-on is configured, and whether Governance passwords still work.</summary>
public sealed record GetSignInOptionsQuery : IQuery<SignInOptions>;

public sealed record SignInOptions(bool SingleSignOn, string? SingleSignOnName, bool PasswordSignIn);

/// <summary>Switches Governance passwords off (single sign-on only) or on again; off only when single sign-on is configured.</summary>
public sealed record SetPasswordSignInCommand(bool Allowed) : ICommand<Result<SignInOptions>>;

public sealed class GetSignInOptionsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, IOptions<GovernanceSettings> settings)
    : IQueryHandler<GetSignInOptionsQuery, SignInOptions>
{
    public async ValueTask<SignInOptions> Handle(GetSignInOptionsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var passwords = await db.Municipalities.Where(m => m.Id == user.MunicipalityId).Select(m => m.PasswordSignIn).SingleOrDefaultAsync(cancellationToken);
        var sso = settings.Value.SingleSignOn;
        return new SignInOptions(sso.Enabled, sso.Enabled ? sso.DisplayName : null, passwords);
    }
}

public sealed class SetPasswordSignInHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit, IOptions<GovernanceSettings> settings)
    : ICommandHandler<SetPasswordSignInCommand, Result<SignInOptions>>
{
    public async ValueTask<Result<SignInOptions>> Handle(SetPasswordSignInCommand command, CancellationToken cancellationToken)
    {
        var sso = settings.Value.SingleSignOn;
        if (!command.Allowed && !sso.Enabled)
        {
            return new NoSingleSignOn();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        if (municipality is null)
        {
            return new NotFound("Gemeente");
        }

        if (municipality.PasswordSignIn != command.Allowed)
        {
            audit.Record(db, AuditAction.SettingsChanged, municipality.Name,
                new AuditChange("Aanmelden met wachtwoord", municipality.PasswordSignIn ? "aan" : "uit", command.Allowed ? "aan" : "uit"));
            municipality.AllowPasswordSignIn(command.Allowed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SignInOptions(sso.Enabled, sso.Enabled ? sso.DisplayName : null, municipality.PasswordSignIn);
    }
}
