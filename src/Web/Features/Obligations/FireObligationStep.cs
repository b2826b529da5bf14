using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Governance.Workflows.Obligations;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using T = Governance.Workflows.Obligations.ObligationWorkflow.Trigger;

namespace Governance.Web.Features.Obligations;

/// <summary>
/// The two keys of closing an obligation: the executive reports it carried out, naming one of the obligation's finalised
/// letters by its reference (Report); the griffie confirms it fulfilled or reopens it with a reason; the griffie lets it
/// lapse. Fulfilled or lapsed, the obligation's reports still running end (cancelled, with a journal line saying why),
/// except one whose letter is finalised and waits to be sent: that letter still goes to the council.
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
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Step is T.Report).WithMessage("Kies de vastgestelde brief die de uitvoering meldt.");
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
            return new Forbidden($"Met uw rol kunt u de stap '{step}' niet zetten.");
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
            return new Forbidden("Alleen een verantwoordelijke wethouder meldt deze motie of toezegging als uitgevoerd.");
        }

        if (obligation.Version != command.Version)
        {
            return ObligationConflicts.ChangedMeanwhile(obligation.Version);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var workflow = new ObligationWorkflow(obligation, MunicipalTime.Today(time), now, user.DisplayName);
        if (step == T.Report && workflow.CanFire(step, command.Reason)
            && await ReportableLetterAsync(db, obligation, command.Reason!.Trim(), cancellationToken) is { } refused)
        {
            return refused;
        }

        var fired = workflow.Fire(step, command.Reason?.Trim());
        if (!fired.Succeeded)
        {
            return fired.Error;
        }

        if (obligation.IsClosed)
        {
            await EndRunningReportsAsync(db, obligation, step, command.Reason, now, cancellationToken);
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

    /// <summary>The reference must name one of the obligation's finalised (or sent) letters; otherwise the refusal, in Dutch.</summary>
    private static async Task<Error?> ReportableLetterAsync(GovernanceDbContext db, Obligation obligation, string reference, CancellationToken cancellationToken)
    {
        var references = await (from l in db.CouncilLetters
                                join c in db.ReportingCycles on l.CycleId equals c.Id
                                where c.ObligationId == obligation.Id && l.Reference != null
                                      && (l.Status == CouncilLetterStatus.Finalised || l.Status == CouncilLetterStatus.Sent)
                                select l.Reference!).ToListAsync(cancellationToken);
        if (references.Contains(reference))
        {
            return null;
        }

        var kind = obligation.Kind == ObligationKind.Motion ? "motie" : "toezegging";
        return new Invalid(new Dictionary<string, string[]>
        {
            ["reason"] = [references.Count == 0
                ? $"Er is nog geen vastgestelde raadsinformatiebrief over deze {kind}. Meld de uitvoering zodra de brief is vastgesteld."
                : $"Kies een van de vastgestelde raadsinformatiebrieven over deze {kind}: {string.Join(", ", references.Order(StringComparer.Ordinal))}."],
        });
    }

    /// <summary>Fulfilled or lapsed: every report of the obligation still running is cancelled, its journal saying why; a finalised letter is still sent.</summary>
    private async Task EndRunningReportsAsync(GovernanceDbContext db, Obligation obligation, T step, string? reason, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var running = ReportingCycleWorkflow.Schedule.SelectMany(s => s.States).Where(s => s != ReportingCycleStatus.Approved).ToList();
        var cycles = await db.ReportingCycles.Where(c => c.ObligationId == obligation.Id && !c.IsImported && running.Contains(c.Status)).ToListAsync(cancellationToken);
        var kind = obligation.Kind == ObligationKind.Motion ? "motie" : "toezegging";
        var why = step == T.Lapse
            ? $"De {kind} is vervallen: {reason?.Trim()}"
            : $"De {kind} is afgedaan (bevestigd door {user.DisplayName}); deze rapportage is niet meer nodig.";
        if (why.Length > ReportingCycle.ReasonMaxLength)
        {
            why = why[..(ReportingCycle.ReasonMaxLength - 1)] + "…";
        }

        foreach (var cycle in cycles)
        {
            new ReportingCycleWorkflow(cycle, nowUtc, user.DisplayName).Fire(ReportingCycleWorkflow.Trigger.Cancel, why);
        }
    }
}
