using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// The team lead sends a handed-in value back to the team with a comment (it needs another look). The
/// task is open again for entry and the report goes back to collecting if it had moved on to complete
/// or drafting; both transitions are saved together and the cycle's journal keeps the comment.
/// </summary>
public sealed record ReturnIndicatorValueCommand(Guid CycleId, Guid TaskId, string? Comment, int? Version, string ReturnedBy, Guid? ActingTeamId)
    : ICommand<Result<int>>;

public sealed class ReturnIndicatorValueValidator : AbstractValidator<ReturnIndicatorValueCommand>
{
    public ReturnIndicatorValueValidator()
    {
        RuleFor(c => c.Comment).NotEmpty().WithMessage("Schrijf erbij waarom de waarde terug gaat.")
            .MaximumLength(2_000).WithMessage("Een opmerking is hooguit 2000 tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class ReturnIndicatorValueHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time)
    : ICommandHandler<ReturnIndicatorValueCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ReturnIndicatorValueCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == new ReportingCycleId(command.CycleId), cancellationToken);
        var task = cycle?.Tasks.SingleOrDefault(t => t.Id == new IndicatorTaskId(command.TaskId));
        if (cycle is null || task is null)
        {
            return new NotFound("Indicator task");
        }

        if (command.ActingTeamId != task.TeamId.Value)
        {
            return new Forbidden("Een teamleider stuurt alleen waarden van het eigen team terug.");
        }

        if (cycle.Version != command.Version)
        {
            return new Conflict($"Deze rapportage is intussen gewijzigd (nu versie {cycle.Version}). Laad haar opnieuw.");
        }

        if (cycle.Status is not (ReportingCycleStatus.Collecting or ReportingCycleStatus.Complete or ReportingCycleStatus.Drafting or ReportingCycleStatus.SentBack))
        {
            return new CyclePastValues(cycle.Status);
        }

        var comment = command.Comment!.Trim();
        var returned = new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Return, comment);
        if (!returned.Succeeded)
        {
            return new TaskNotHandedIn();
        }

        if (cycle.Status != ReportingCycleStatus.Collecting)
        {
            var moved = new ReportingCycleWorkflow(cycle, time.GetUtcNow().UtcDateTime, command.ReturnedBy).Fire(ReportingCycleWorkflow.Trigger.ReturnValue, comment);
            if (!moved.Succeeded)
            {
                return moved.Error;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new Conflict("Deze rapportage is intussen gewijzigd. Laad haar opnieuw.");
        }

        return cycle.Version;
    }
}
