using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>
/// The griffie puts a motion or commitment in the public register (the default) or keeps it out of it, for instance a
/// commitment made in a closed session; a line in its history says so. Also for closed ones: visibility is not content.
/// </summary>
public sealed record PublishObligationCommand(Guid Id, bool? IsPublic, int? Version) : ICommand<Result<int>>;

public sealed class PublishObligationValidator : AbstractValidator<PublishObligationCommand>
{
    public PublishObligationValidator()
    {
        RuleFor(c => c.IsPublic).NotNull().WithMessage("Zeg of de motie of toezegging openbaar is.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class PublishObligationHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<PublishObligationCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(PublishObligationCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == new ObligationId(command.Id), cancellationToken);
        if (obligation is null)
        {
            return new NotFound("Obligation");
        }

        if (obligation.Version != command.Version)
        {
            return ObligationConflicts.ChangedMeanwhile(obligation.Version);
        }

        obligation.Publish(command.IsPublic!.Value, time.GetUtcNow().UtcDateTime, user.DisplayName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ObligationConflicts.ChangedMeanwhile();
        }

        return obligation.Version;
    }
}
