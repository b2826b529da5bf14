using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// The team lead gives an indicator task to a member of the team (or back to the whole team). The
/// task keeps its state; its reminders now go to the assignee.
/// </summary>
public sealed record ReassignIndicatorTaskCommand(Guid CycleId, Guid TaskId, string? AssigneeUserId, Guid? ActingTeamId, int? Version) : ICommand<Result<int>>;

public sealed class ReassignIndicatorTaskValidator : AbstractValidator<ReassignIndicatorTaskCommand>
{
    public ReassignIndicatorTaskValidator() =>
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
}

public sealed class ReassignIndicatorTaskHandler(IDbContextFactory<GovernanceDbContext> dbFactory)
    : ICommandHandler<ReassignIndicatorTaskCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ReassignIndicatorTaskCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).SingleOrDefaultAsync(c => c.Id == new ReportingCycleId(command.CycleId), cancellationToken);
        var task = cycle?.Tasks.SingleOrDefault(t => t.Id == new IndicatorTaskId(command.TaskId));
        if (cycle is null || task is null)
        {
            return new NotFound("Indicator task");
        }

        if (command.ActingTeamId != task.TeamId.Value)
        {
            return new Forbidden("Een teamleider wijst alleen taken van het eigen team toe.");
        }

        if (cycle.Version != command.Version)
        {
            return new Conflict($"Deze rapportage is intussen gewijzigd (nu versie {cycle.Version}). Laad haar opnieuw.");
        }

        if (command.AssigneeUserId is { } assignee)
        {
            var member = await (from u in db.Users
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where u.Id == assignee && u.TeamId == task.TeamId && r.Name == Roles.Medewerker
                                select u.Id).AnyAsync(cancellationToken);
            if (!member)
            {
                return new Invalid(new Dictionary<string, string[]> { ["assigneeUserId"] = ["Kies een medewerker van het team van deze indicator."] });
            }
        }

        task.AssignTo(command.AssigneeUserId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Deze rapportage is intussen gewijzigd. Laad haar opnieuw.");
        }

        return cycle.Version;
    }
}
