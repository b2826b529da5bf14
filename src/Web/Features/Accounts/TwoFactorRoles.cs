using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

/// <summary>
/// The roles whose people must sign in with an authenticator app as the second step. Someone in such a role without
/// it is, from their next request on (within a minute), led to set it up before anything else.
/// </summary>
public sealed record GetTwoFactorRolesQuery : IQuery<IReadOnlyList<string>>;

public sealed record SetTwoFactorRolesCommand(IReadOnlyList<string>? Roles) : ICommand<Result<IReadOnlyList<string>>>;

public sealed class SetTwoFactorRolesValidator : AbstractValidator<SetTwoFactorRolesCommand>
{
    public SetTwoFactorRolesValidator()
    {
        RuleFor(c => c.Roles).NotNull().WithMessage("Geef de rollen mee (een lege lijst: voor geen enkele rol verplicht).");
        RuleForEach(c => c.Roles).Must(r => Domain.Accounts.Roles.All.Contains(r)).WithMessage("Onbekende rol '{PropertyValue}'.");
    }
}

public sealed class GetTwoFactorRolesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user) : IQueryHandler<GetTwoFactorRolesQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(GetTwoFactorRolesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        return municipality?.TwoFactorRoles ?? [];
    }
}

public sealed class SetTwoFactorRolesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<SetTwoFactorRolesCommand, Result<IReadOnlyList<string>>>
{
    public async ValueTask<Result<IReadOnlyList<string>>> Handle(SetTwoFactorRolesCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        if (municipality is null)
        {
            return new NotFound("Gemeente");
        }

        var before = string.Join(", ", municipality.TwoFactorRoles);
        municipality.RequireTwoFactorFor(command.Roles!);
        var change = new AuditChange("Tweestapsverificatie verplicht voor", before, string.Join(", ", municipality.TwoFactorRoles));
        if (change.IsChange)
        {
            audit.Record(db, AuditAction.SettingsChanged, municipality.Name, change);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result<IReadOnlyList<string>>.Success(municipality.TwoFactorRoles);
    }
}
