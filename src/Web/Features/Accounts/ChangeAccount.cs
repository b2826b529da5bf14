using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

/// <summary>
/// The Beheerder changes a person's name, roles, team or alderman. <see cref="ConcurrencyStamp"/> is the one read
/// with the account: a change made meanwhile by someone else is refused, not overwritten. The person's sign-ins
/// pick the new roles up within a minute (the security stamp changes).
/// </summary>
public sealed record ChangeAccountCommand(string UserId, string? DisplayName, IReadOnlyList<string>? Roles, Guid? TeamId, Guid? AldermanId, string? ConcurrencyStamp)
    : ICommand<Result<AccountSummary>>, IAccountFields;

public sealed class ChangeAccountValidator : AbstractValidator<ChangeAccountCommand>
{
    public ChangeAccountValidator()
    {
        Include(new AccountFieldsValidator<ChangeAccountCommand>());
        RuleFor(c => c.ConcurrencyStamp).NotEmpty().WithMessage("Geef de versie (concurrencyStamp) mee die u las, zodat een wijziging van een ander niet wordt overschreven.");
    }
}

public sealed class ChangeAccountHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<ChangeAccountCommand, Result<AccountSummary>>
{
    public async ValueTask<Result<AccountSummary>> Handle(ChangeAccountCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId && u.MunicipalityId == user.MunicipalityId, cancellationToken);
        if (account is null)
        {
            return new NotFound("Account");
        }

        if (account.ConcurrencyStamp != command.ConcurrencyStamp)
        {
            return new Conflict("Iemand anders heeft dit account intussen gewijzigd. Laad het opnieuw en breng uw wijziging dan aan.");
        }

        var roles = command.Roles!.Distinct().Order().ToList();
        var problems = await AccountRules.CheckLinksAsync(db, account.MunicipalityId, roles, command.TeamId, command.AldermanId, cancellationToken);
        if (problems.Count > 0)
        {
            return new Invalid(problems);
        }

        var oldRoles = await AccountRules.RolesOfAsync(db, account.Id, cancellationToken);
        if (oldRoles.Contains(Roles.Beheerder) && !roles.Contains(Roles.Beheerder) && account.IsActive
            && !await AccountRules.OtherAdministratorExistsAsync(db, account.MunicipalityId, account.Id, cancellationToken))
        {
            return new LastAdministrator();
        }

        var team = command.TeamId is { } t ? new TeamId(t) : (TeamId?)null;
        var alderman = command.AldermanId is { } a ? new AldermanId(a) : (AldermanId?)null;
        var changes = new[]
        {
            new AuditChange("Naam", account.DisplayName, command.DisplayName!.Trim()),
            new AuditChange("Rollen", string.Join(", ", oldRoles), string.Join(", ", roles)),
            new AuditChange("Team", await AccountNames.TeamAsync(db, account.TeamId, cancellationToken), await AccountNames.TeamAsync(db, team, cancellationToken)),
            new AuditChange("Wethouder", await AccountNames.AldermanAsync(db, account.AldermanId, cancellationToken), await AccountNames.AldermanAsync(db, alderman, cancellationToken)),
        };
        if (changes.Any(c => c.IsChange))
        {
            account.DisplayName = command.DisplayName!.Trim();
            account.TeamId = team;
            account.AldermanId = alderman;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            await AccountRules.SetRolesAsync(db, account.Id, roles, cancellationToken);
            audit.Record(db, AuditAction.AccountChanged, $"{account.DisplayName} <{account.Email}>", changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new AccountSummary(account.Id, account.Email ?? "", account.DisplayName);
    }
}
