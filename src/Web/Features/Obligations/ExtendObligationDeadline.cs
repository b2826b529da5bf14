using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>
/// The griffie records an extension of a deadline (due date or end date): the new date, the reason and
/// who decided (the council, the committee, the alderman). It stays visible in the history.
/// </summary>
public sealed record ExtendObligationDeadlineCommand(Guid Id, DateOnly? NewDate, string? Reason, string? DecidedBy, int? Version) : ICommand<Result<int>>;

public sealed class ExtendObligationDeadlineValidator : AbstractValidator<ExtendObligationDeadlineCommand>
{
    public ExtendObligationDeadlineValidator()
    {
        RuleFor(c => c.NewDate).NotNull().WithMessage("De nieuwe datum is verplicht.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("De reden is verplicht.").MaximumLength(1000).WithMessage("De reden is hooguit 1000 tekens.");
        RuleFor(c => c.DecidedBy).NotEmpty().WithMessage("Wie besloot tot het uitstel is verplicht.").MaximumLength(120).WithMessage("Hooguit 120 tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class ExtendObligationDeadlineHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<ExtendObligationDeadlineCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ExtendObligationDeadlineCommand command, CancellationToken cancellationToken)
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

        if (obligation.IsClosed)
        {
            return new ObligationClosed(obligation.Reference);
        }

        var current = obligation.Cadence == Cadence.Once ? obligation.DueDate : obligation.EndDate;
        if ((current is { } old && command.NewDate!.Value <= old) || command.NewDate!.Value < obligation.AdoptedOn)
        {
            return new Invalid(new Dictionary<string, string[]> { ["newDate"] = ["De nieuwe datum ligt na de huidige termijn."] });
        }

        obligation.ExtendDeadline(command.NewDate.Value, command.Reason!, command.DecidedBy!, time.GetUtcNow().UtcDateTime, user.DisplayName);
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
