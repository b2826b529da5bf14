using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>
/// While a team member is away, another member of the team takes over: reminders and escalations meant
/// for the absent person go to the substitute until the given day. The team lead sets it for the team;
/// anyone may set it for themselves. No substitute clears it.
/// </summary>
public sealed record SetSubstituteCommand(string UserId, string? SubstituteUserId, DateOnly? AwayUntil) : ICommand<Result>;

public sealed class SetSubstituteValidator : AbstractValidator<SetSubstituteCommand>
{
    public SetSubstituteValidator()
    {
        RuleFor(c => c.AwayUntil).NotNull().When(c => c.SubstituteUserId is not null).WithMessage("Tot wanneer is de medewerker afwezig?");
        RuleFor(c => c.SubstituteUserId).NotEqual(c => c.UserId).WithMessage("Iemand vervangt zichzelf niet.");
    }
}

public sealed class SetSubstituteHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : ICommandHandler<SetSubstituteCommand, Result>
{
    public async ValueTask<Result> Handle(SetSubstituteCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId && u.MunicipalityId == user.MunicipalityId, cancellationToken);
        if (person is null)
        {
            return new NotFound("Account");
        }

        var isSelf = person.Id == user.UserId;
        var isTeamLead = user.IsInRole(Roles.Teamleider) && person.TeamId is { } team && user.TeamId == team;
        if (!isSelf && !isTeamLead)
        {
            return new Forbidden("Een teamleider regelt vervanging alleen voor het eigen team.");
        }

        if (command.SubstituteUserId is { } substitute
            && !await db.Users.AnyAsync(u => u.Id == substitute && u.TeamId == person.TeamId && u.MunicipalityId == person.MunicipalityId, cancellationToken))
        {
            return new Invalid(new Dictionary<string, string[]> { ["substituteUserId"] = ["Kies een vervanger uit hetzelfde team."] });
        }

        person.SubstituteUserId = command.SubstituteUserId;
        person.AwayUntil = command.SubstituteUserId is null ? null : command.AwayUntil;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
