using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Workflows.Obligations;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>
/// The griffie records that a finalised letter was sent to the council (date, document number). The cycle moves
/// to Sent and, when the obligation's reporting has ended (a one-off, or past its end date), the obligation is
/// Reported with this letter: the first key of its closure, which the griffie then confirms or reopens.
/// </summary>
public sealed record RecordLetterSentCommand(Guid LetterId, DateOnly? SentOn, string? DocumentNumber, int? Version, LetterActor Actor) : ICommand<Result<int>>;

public sealed class RecordLetterSentValidator : AbstractValidator<RecordLetterSentCommand>
{
    public RecordLetterSentValidator(TimeProvider time)
    {
        RuleFor(c => c.SentOn).NotNull().WithMessage("Vul de verzenddatum in.")
            .Must(d => d <= MunicipalTime.Today(time)).WithMessage("De verzenddatum ligt niet in de toekomst.");
        RuleFor(c => c.DocumentNumber).MaximumLength(60).WithMessage("Een documentnummer is hooguit 60 tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class RecordLetterSentHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time) : ICommandHandler<RecordLetterSentCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RecordLetterSentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await LetterLoading.LoadAsync(db, command.LetterId, cancellationToken);
        if (context is null)
        {
            return new NotFound("Letter");
        }

        if (context.Letter.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft deze brief intussen gewijzigd. Laad hem opnieuw.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var sent = new CouncilLetterWorkflow(context.Letter, now, context.AllApprovalsIn).Send(command.SentOn!.Value, command.DocumentNumber?.Trim());
        if (!sent.Succeeded)
        {
            return sent.Error;
        }

        var cycle = new ReportingCycleWorkflow(context.Cycle, now, command.Actor.Name, context.AllApprovalsIn)
            .Fire(ReportingCycleWorkflow.Trigger.Send, $"Verzonden op {command.SentOn:dd-MM-yyyy}{(command.DocumentNumber is { Length: > 0 } n ? $", documentnummer {n.Trim()}" : "")}");
        if (!cycle.Succeeded)
        {
            return cycle.Error;
        }

        var obligation = await db.Obligations.SingleAsync(o => o.Id == context.Cycle.ObligationId, cancellationToken);
        var workflow = new ObligationWorkflow(obligation, MunicipalTime.Today(time), now, command.Actor.Name);
        if (workflow.CanFire(ObligationWorkflow.Trigger.Report, context.Letter.Reference))
        {
            workflow.Fire(ObligationWorkflow.Trigger.Report, context.Letter.Reference);
        }

        return await LetterSaving.SaveAsync(db, context.Letter, cancellationToken);
    }
}
