using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>
/// The griffie corrects or completes a registered obligation. <see cref="Version"/> is the version
/// that was read: if someone saved in between, the change is refused, never silently merged.
/// </summary>
public sealed record ReviseObligationCommand : ObligationInput, ICommand<Result<int>>
{
    public Guid Id { get; init; }

    public int? Version { get; init; }
}

public sealed class ReviseObligationValidator : AbstractValidator<ReviseObligationCommand>
{
    public ReviseObligationValidator()
    {
        Include(new ObligationInputValidator());
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class ReviseObligationHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<ReviseObligationCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ReviseObligationCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ObligationId(command.Id);
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (obligation is null)
        {
            return new NotFound("Obligation");
        }

        if (obligation.Version != command.Version)
        {
            return StaleVersion(obligation.Version);
        }

        if (obligation.IsClosed)
        {
            return new ObligationClosed(obligation.Reference);
        }

        if (command.SubmittingParties is { Count: > 0 } != (obligation.Kind == ObligationKind.Motion))
        {
            return new Invalid(new Dictionary<string, string[]>
            {
                ["submittingParties"] = [obligation.Kind == ObligationKind.Motion
                    ? "Een motie is ingediend door ten minste één partij."
                    : "Een toezegging heeft geen indienende partijen."],
            });
        }

        var details = await ObligationInputResolver.ResolveAsync(db, command, id, obligation.MunicipalityId, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (!details.Succeeded)
        {
            return details.Error;
        }

        var reference = obligation.Reference;
        obligation.Revise(details.Value, time.GetUtcNow().UtcDateTime, user.DisplayName);
        try
        {
            // A new reference goes to the copies on the obligation's tasks (the order of Mijn taken) in the same transaction.
            var renamed = obligation.Reference != reference;
            await using var transaction = renamed ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await db.SaveChangesAsync(cancellationToken);
            if (renamed)
            {
                await db.IndicatorTasks.Where(t => db.ReportingCycles.Any(c => c.Id == t.CycleId && c.ObligationId == id))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.ObligationReference, obligation.Reference), cancellationToken);
                await transaction!.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleVersion(null);
        }

        return obligation.Version;
    }

    private static Conflict StaleVersion(int? current) => ObligationConflicts.ChangedMeanwhile(current, "en breng uw wijziging opnieuw aan");
}
