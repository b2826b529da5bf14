using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>The letter and the version the alderman read.</summary>
public sealed record LetterToApprove(Guid LetterId, int Version);

/// <summary>What became of one letter: approved (and, when that was the last approval, finalised with its reference), or why not.</summary>
public sealed record LetterApprovalOutcome(Guid LetterId, bool Approved, string? Reference, string? Problem);

/// <summary>
/// A responsible alderman approves one or several letters at once, each the exact version read. The approval
/// records who, when and the version's hash. When it is the last approval needed, the letter is finalised in
/// the same save: the next reference number of the year (no gaps: the counter row moves in the same
/// transaction), the content hash sealed, the cycle to Approved. Each letter is saved on its own, so one that
/// changed meanwhile does not hold up the others.
/// </summary>
public sealed record ApproveLettersCommand(IReadOnlyList<LetterToApprove> Letters, LetterActor Actor) : ICommand<Result<IReadOnlyList<LetterApprovalOutcome>>>;

public sealed class ApproveLettersHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time, LetterRules rules)
    : ICommandHandler<ApproveLettersCommand, Result<IReadOnlyList<LetterApprovalOutcome>>>
{
    public async ValueTask<Result<IReadOnlyList<LetterApprovalOutcome>>> Handle(ApproveLettersCommand command, CancellationToken cancellationToken)
    {
        if (command.Actor.AldermanId is not { } alderman || command.Actor.UserId is not { } userId)
        {
            return new Forbidden("Alleen een wethouder keurt brieven goed.");
        }

        if (command.Letters.Count == 0)
        {
            return new NoLettersChosen();
        }

        var outcomes = new List<LetterApprovalOutcome>();
        foreach (var item in command.Letters.DistinctBy(l => l.LetterId))
        {
            var outcome = await ApproveAsync(item, new AldermanId(alderman), userId, command.Actor.Name, cancellationToken);
            if (!outcome.Succeeded && command.Letters.Count == 1)
            {
                // One letter: its problem is the answer (404, 403, 409, 422); several: each letter says how it went.
                return outcome.Error;
            }

            outcomes.Add(outcome.Succeeded ? outcome.Value! : new LetterApprovalOutcome(item.LetterId, false, null, outcome.Error.Message));
        }

        return outcomes;
    }

    private async Task<Result<LetterApprovalOutcome>> ApproveAsync(LetterToApprove item, AldermanId alderman, string userId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await LetterLoading.LoadAsync(db, item.LetterId, cancellationToken);
        if (context is null)
        {
            return new NotFound("Letter");
        }

        var letter = context.Letter;
        if (!context.Aldermen.Contains(alderman))
        {
            return new Forbidden("Alleen een verantwoordelijke wethouder keurt deze brief goed.");
        }

        if (letter.Current.Number != item.Version)
        {
            return new Conflict($"De brief is gewijzigd sinds u hem las (nu versie {letter.Current.Number}). Lees de nieuwe versie en keur die goed.");
        }

        if (letter.Status != CouncilLetterStatus.InApproval)
        {
            return new LetterNotInApproval(letter.Status);
        }

        if (letter.HasApprovalOf(alderman))
        {
            return new LetterApprovalOutcome(item.LetterId, true, letter.Reference, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        letter.RecordApproval(alderman, userId, now);
        if (context.AllApprovalsIn())
        {
            var finalised = await FinaliseAsync(db, context, name, now, cancellationToken);
            if (!finalised.Succeeded)
            {
                return finalised.Error;
            }
        }

        var saved = await LetterSaving.SaveAsync(db, letter, cancellationToken);
        return saved.Succeeded ? new LetterApprovalOutcome(item.LetterId, true, letter.Reference, null) : saved.Error;
    }

    private async Task<Result> FinaliseAsync(GovernanceDbContext db, LetterContext context, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var reference = await LetterReferences.NextAsync(db, context.Letter.MunicipalityId, now, rules.ReferencePattern, cancellationToken);
        var letter = new CouncilLetterWorkflow(context.Letter, now, context.AllApprovalsIn);
        var approved = letter.Approve();
        var finalised = approved.Succeeded ? letter.Finalise(reference) : approved;
        if (!finalised.Succeeded)
        {
            return finalised;
        }

        return new ReportingCycleWorkflow(context.Cycle, now, actor, context.AllApprovalsIn).Fire(ReportingCycleWorkflow.Trigger.Approve, $"Vastgesteld als {reference}");
    }
}
