using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>A responsible alderman sends a letter back to the drafter with comments; the cycle's journal keeps them.</summary>
public sealed record SendBackLetterCommand(Guid LetterId, int? Version, string? Comments, LetterActor Actor) : ICommand<Result<int>>;

public sealed class SendBackLetterValidator : AbstractValidator<SendBackLetterCommand>
{
    public SendBackLetterValidator()
    {
        RuleFor(c => c.Comments).NotEmpty().WithMessage("Schrijf erbij wat er anders moet.")
            .MaximumLength(ReportingCycle.ReasonMaxLength).WithMessage($"Een opmerking is hooguit {ReportingCycle.ReasonMaxLength} tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class SendBackLetterHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time) : ICommandHandler<SendBackLetterCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SendBackLetterCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await LetterLoading.LoadAsync(db, command.LetterId, cancellationToken);
        if (context is null)
        {
            return new NotFound("Letter");
        }

        if (!context.IsResponsible(command.Actor))
        {
            return new Forbidden("Alleen een verantwoordelijke wethouder stuurt deze brief terug.");
        }

        if (context.Letter.Current.Number != command.Version)
        {
            return new Conflict($"De brief is gewijzigd sinds u hem las (nu versie {context.Letter.Current.Number}). Laad hem opnieuw.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var back = new CouncilLetterWorkflow(context.Letter, now, context.AllApprovalsIn).SendBack();
        if (!back.Succeeded)
        {
            return back.Error;
        }

        var cycle = new ReportingCycleWorkflow(context.Cycle, now, command.Actor.Name, context.AllApprovalsIn).Fire(ReportingCycleWorkflow.Trigger.SendBack, command.Comments!.Trim());
        return cycle.Succeeded ? await LetterSaving.SaveAsync(db, context.Letter, cancellationToken) : cycle.Error;
    }
}
