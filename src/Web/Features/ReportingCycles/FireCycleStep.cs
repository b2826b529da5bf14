using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>
/// A person takes a step in a cycle (return a value, cancel, close). The same rules apply in the
/// UI and the API: the role may take it, the flow allows it now, and <see cref="Version"/> is the
/// version read, so two people cannot both move the cycle from the same state.
/// </summary>
public sealed record FireCycleStepCommand(Guid Id, ReportingCycleWorkflow.Trigger? Step, string? Reason, int? Version) : ICommand<Result<int>>;

public sealed class FireCycleStepValidator : AbstractValidator<FireCycleStepCommand>
{
    public FireCycleStepValidator()
    {
        RuleFor(c => c.Step).NotNull().WithMessage("Kies een stap.").IsInEnum().WithMessage("Onbekende stap.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Step is { } s && CycleTriggerPermissions.NeedsReason(s))
            .WithMessage("Deze stap vraagt om een reden of toelichting.");
        RuleFor(c => c.Reason).MaximumLength(ReportingCycle.ReasonMaxLength).WithMessage($"Een reden is hooguit {ReportingCycle.ReasonMaxLength} tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class FireCycleStepHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<FireCycleStepCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(FireCycleStepCommand command, CancellationToken cancellationToken)
    {
        var step = command.Step!.Value;
        if (CycleTriggerPermissions.IsLetterStep(step))
        {
            return new LetterStep(step);
        }

        if (!CycleTriggerPermissions.MayFire(step, user.IsInRole))
        {
            return new Forbidden($"Met uw rol kunt u de stap '{ReportingCycleWorkflow.Dutch(step)}' niet zetten.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ReportingCycleId(command.Id);
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cycle is null)
        {
            return new NotFound("Reporting cycle");
        }

        if (cycle.Version != command.Version)
        {
            return new Conflict($"Iemand anders heeft deze rapportage intussen gewijzigd (nu versie {cycle.Version}, status {cycle.Status}). Laad haar opnieuw.");
        }

        var fired = new ReportingCycleWorkflow(cycle, time.GetUtcNow().UtcDateTime, user.DisplayName).Fire(step, command.Reason);
        if (!fired.Succeeded)
        {
            return fired.Error;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("Iemand anders heeft deze rapportage intussen gewijzigd. Laad haar opnieuw.");
        }

        return cycle.Version;
    }
}
