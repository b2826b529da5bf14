using FluentValidation;
using Governance.Domain.Commitments;
using Governance.Domain.Common;
using Governance.Domain.Motions;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>The griffie registers a motion the council adopted or a commitment an alderman made.</summary>
public sealed record RegisterObligationCommand : ObligationInput, ICommand<Result<Guid>>
{
    public ObligationKind? Kind { get; init; }

    /// <summary>
    /// When bringing over a list kept elsewhere: the day it was registered there, so that reports already owed keep their
    /// planned deadlines. Absent: today, and no report is due sooner than a few working days from now.
    /// </summary>
    public DateOnly? RegisteredOn { get; init; }
}

public sealed class RegisterObligationValidator : AbstractValidator<RegisterObligationCommand>
{
    public RegisterObligationValidator()
    {
        Include(new ObligationInputValidator());
        RuleFor(c => c.Kind).NotNull().WithMessage("Kies motie of toezegging.").IsInEnum().WithMessage("Onbekende soort.");
        RuleFor(c => c.RegisteredOn).GreaterThanOrEqualTo(c => c.AdoptedOn).When(c => c.RegisteredOn is not null && c.AdoptedOn is not null)
            .WithMessage("De registratiedatum ligt niet voor de datum van aanname.");
        RuleFor(c => c.SubmittingParties).NotEmpty().When(c => c.Kind == ObligationKind.Motion)
            .WithMessage("Een motie is ingediend door ten minste één partij.");
        RuleFor(c => c.SubmittingParties).Empty().When(c => c.Kind == ObligationKind.Commitment)
            .WithMessage("Een toezegging heeft geen indienende partijen.");
    }
}

public sealed class RegisterObligationHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<RegisterObligationCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RegisterObligationCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente registreert moties en toezeggingen.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var details = await ObligationInputResolver.ResolveAsync(db, command, null, municipality, now, cancellationToken);
        if (!details.Succeeded)
        {
            return details.Error;
        }

        if (command.RegisteredOn > MunicipalTime.Today(time))
        {
            return new Invalid(new Dictionary<string, string[]> { ["registeredOn"] = ["De registratiedatum ligt niet in de toekomst."] });
        }

        Obligation obligation = command.Kind == ObligationKind.Motion
            ? new Motion(municipality, details.Value with { RegisteredOn = command.RegisteredOn }, now, user.DisplayName)
            : new Commitment(municipality, details.Value with { RegisteredOn = command.RegisteredOn }, now, user.DisplayName);
        // Into the public register, or not, as the municipality has set; the griffie can change it per item later.
        var publish = await db.Municipalities.Where(m => m.Id == municipality).Select(m => m.PublishByDefault).SingleAsync(cancellationToken);
        obligation.Publish(publish, now, user.DisplayName);
        db.Obligations.Add(obligation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same number between our check and our save: the unique index caught it.
            db.ChangeTracker.Clear();
            if (await db.Obligations.AnyAsync(o => o.Reference == obligation.Reference, cancellationToken))
            {
                return new Invalid(new Dictionary<string, string[]> { ["reference"] = [$"Er is al een motie of toezegging met nummer {obligation.Reference}."] });
            }

            var codes = (command.NewIndicators ?? []).Select(n => Domain.Indicators.Indicator.NormaliseCode(n.Definition.Code!)).ToList();
            if (await db.Indicators.Where(i => codes.Contains(i.Code)).Select(i => i.Code).FirstOrDefaultAsync(cancellationToken) is { } code)
            {
                return new Invalid(new Dictionary<string, string[]> { ["indicators"] = [$"Er is al een indicator met code {code}."] });
            }

            throw;
        }

        return obligation.Id.Value;
    }
}
