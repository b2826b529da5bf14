using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Hosting;
using Governance.Workflows.Obligations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using T = Governance.Workflows.Obligations.ObligationWorkflow.Trigger;

namespace Governance.Web.Features.Obligations;

/// <summary>
/// The two keys of closing an obligation: the executive reports it carried out, naming the letter
/// (Report); the griffie confirms it fulfilled or reopens it with a reason; the griffie lets it lapse.
/// </summary>
public sealed record FireObligationStepCommand(Guid Id, T? Step, string? Reason, int? Version) : ICommand<Result<int>>;

public static class ObligationStepPermissions
{
    private static readonly Dictionary<T, string[]> ByStep = new()
    {
        [T.Report] = [Roles.Wethouder, Roles.Medewerker],
        [T.ConfirmFulfilled] = [Roles.Griffie],
        [T.Reopen] = [Roles.Griffie],
        [T.Lapse] = [Roles.Griffie],
    };

    public static IEnumerable<T> ManualSteps => ByStep.Keys;

    public static bool MayFire(T step, Func<string, bool> isInRole) => ByStep.TryGetValue(step, out var roles) && roles.Any(isInRole);

    /// <summary>Report names the letter; reopening and lapsing give a reason; confirming needs nothing.</summary>
    public static bool NeedsText(T step) => step is T.Report or T.Reopen or T.Lapse;
}

public sealed class FireObligationStepValidator : AbstractValidator<FireObligationStepCommand>
{
    public FireObligationStepValidator()
    {
        RuleFor(c => c.Step).NotNull().WithMessage("Kies een stap.").IsInEnum().WithMessage("Onbekende stap.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Step is T.Report).WithMessage("Noem de brief (onze referentie) die de uitvoering meldt.");
        RuleFor(c => c.Reason).MaximumLength(40).When(c => c.Step is T.Report).WithMessage("Een referentie is hooguit 40 tekens.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Step is T.Reopen or T.Lapse).WithMessage("Geef de reden.");
        RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("Een reden is hooguit 2000 tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class FireObligationStepHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<FireObligationStepCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(FireObligationStepCommand command, CancellationToken cancellationToken)
    {
        var step = command.Step!.Value;
        if (!ObligationStepPermissions.MayFire(step, user.IsInRole))
        {
            return new Forbidden($"Your role may not take the step '{step}'.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == new ObligationId(command.Id), cancellationToken);
        if (obligation is null)
        {
            return new NotFound("Obligation");
        }

        if (user.IsInRole(Roles.Wethouder) && !user.IsInRole(Roles.Medewerker)
            && (user.AldermanId is not { } alderman || !obligation.ResponsibleAldermen.Contains(alderman)))
        {
            return new Forbidden("Only a responsible alderman reports this obligation carried out.");
        }

        if (obligation.Version != command.Version)
        {
            return ObligationConflicts.ChangedMeanwhile(obligation.Version);
        }

        var fired = new ObligationWorkflow(obligation, MunicipalTime.Today(time), time.GetUtcNow().UtcDateTime, user.DisplayName).Fire(step, command.Reason);
        if (!fired.Succeeded)
        {
            return fired.Error!;
        }

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
