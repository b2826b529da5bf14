using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Accounts;

/// <summary>
/// The Beheerder invites a person: the account exists at once (without a password), and an e-mail with a one-time
/// link to set one (or to sign in through single sign-on) is queued.
/// </summary>
public sealed record InviteAccountCommand(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, Guid? TeamId, Guid? AldermanId)
    : ICommand<Result<AccountSummary>>, IAccountFields;

public sealed record AccountSummary(string Id, string Email, string DisplayName);

public sealed class AccountFieldsValidator<T> : AbstractValidator<T>
    where T : IAccountFields
{
    public AccountFieldsValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Vul de naam in zoals collega's die kennen.")
            .MaximumLength(ApplicationUser.DisplayNameMaxLength).WithMessage($"De naam is hooguit {ApplicationUser.DisplayNameMaxLength} tekens.");
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Kies ten minste één rol.");
        RuleForEach(c => c.Roles).Must(r => Domain.Accounts.Roles.All.Contains(r)).WithMessage("Onbekende rol '{PropertyValue}'.");
    }
}

/// <summary>The fields an invitation and a change share.</summary>
public interface IAccountFields
{
    string? DisplayName { get; }

    IReadOnlyList<string>? Roles { get; }
}

public sealed class InviteAccountValidator : AbstractValidator<InviteAccountCommand>
{
    public InviteAccountValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Vul het e-mailadres in; daar komt de uitnodiging.")
            .MaximumLength(256).WithMessage("Het e-mailadres is hooguit 256 tekens.")
            .EmailAddress().WithMessage("Dit is geen geldig e-mailadres.");
        Include(new AccountFieldsValidator<InviteAccountCommand>());
    }
}

public sealed class InviteAccountHandler(
    IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit, ILookupNormalizer normalizer, IBackgroundJobClient jobs, TimeProvider time)
    : ICommandHandler<InviteAccountCommand, Result<AccountSummary>>
{
    public async ValueTask<Result<AccountSummary>> Handle(InviteAccountCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen een beheerder van een gemeente nodigt mensen uit.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var email = command.Email!.Trim();
        var roles = command.Roles!.Distinct().Order().ToList();
        var problems = await AccountRules.CheckLinksAsync(db, municipality, roles, command.TeamId, command.AldermanId, cancellationToken);
        var normalized = normalizer.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            problems["email"] = ["Er is al een account met dit e-mailadres."];
        }

        if (problems.Count > 0)
        {
            return new Invalid(problems);
        }

        var account = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalized,
            DisplayName = command.DisplayName!.Trim(),
            MunicipalityId = municipality,
            TeamId = command.TeamId is { } team ? new TeamId(team) : null,
            AldermanId = command.AldermanId is { } alderman ? new AldermanId(alderman) : null,
            InvitedAtUtc = time.GetUtcNow().UtcDateTime,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };
        db.Users.Add(account);
        await AccountRules.SetRolesAsync(db, account.Id, roles, cancellationToken);
        audit.Record(db, AuditAction.AccountInvited, $"{account.DisplayName} <{email}>",
            AuditChange.Set("Rollen", string.Join(", ", roles)),
            AuditChange.Set("Team", await AccountNames.TeamAsync(db, account.TeamId, cancellationToken)),
            AuditChange.Set("Wethouder", await AccountNames.AldermanAsync(db, account.AldermanId, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<AccountMailJob>(job => job.SendAsync(account.Id, AccountMail.Invitation, CancellationToken.None));
        return new AccountSummary(account.Id, email, account.DisplayName);
    }
}
