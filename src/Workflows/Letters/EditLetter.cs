using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>
/// The drafter (staff of a team that reported in the cycle) edits a draft: header fields and text. Every edit
/// is a new version; approvals of earlier versions go stale. A letter sent back is taken up again (the cycle
/// returns to Drafting). <see cref="Version"/> is the letter version read, so two drafters never overwrite
/// each other.
/// </summary>
public sealed record EditLetterCommand(Guid LetterId, string? Subject, string? HandledBy, string? Phone, string? Body, int? Version, LetterActor Actor)
    : ICommand<Result<int>>;

public sealed class EditLetterValidator : AbstractValidator<EditLetterCommand>
{
    public EditLetterValidator()
    {
        RuleFor(c => c.Subject).NotEmpty().WithMessage("Het onderwerp is verplicht.")
            .MaximumLength(LetterContent.SubjectMaxLength).WithMessage($"Het onderwerp is hooguit {LetterContent.SubjectMaxLength} tekens.");
        RuleFor(c => c.HandledBy).NotEmpty().WithMessage("Vul in wie de brief behandelt.")
            .MaximumLength(LetterContent.HandledByMaxLength).WithMessage($"'Behandeld door' is hooguit {LetterContent.HandledByMaxLength} tekens.");
        RuleFor(c => c.Phone).MaximumLength(LetterContent.PhoneMaxLength).WithMessage($"Een telefoonnummer is hooguit {LetterContent.PhoneMaxLength} tekens.")
            .Matches(@"^[0-9 +()\-]*$").WithMessage("Een telefoonnummer bestaat uit cijfers, spaties en + ( ) -.");
        RuleFor(c => c.Body).NotEmpty().WithMessage("De brief heeft tekst nodig.")
            .MaximumLength(LetterContent.BodyMaxLength).WithMessage($"De tekst is hooguit {LetterContent.BodyMaxLength} tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class EditLetterHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time) : ICommandHandler<EditLetterCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(EditLetterCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await LetterLoading.LoadAsync(db, command.LetterId, cancellationToken);
        if (context is null)
        {
            return new NotFound("Letter");
        }

        var (letter, cycle, _) = context;
        if (!context.IsDrafter(command.Actor))
        {
            return new Forbidden("Alleen medewerkers van een team dat in deze rapportage aanleverde, bewerken de brief.");
        }

        if (letter.Version != command.Version)
        {
            return new Conflict($"Iemand anders heeft deze brief intussen gewijzigd (nu versie {letter.Current.Number}). Laad hem opnieuw; uw tekst staat nog in het veld.");
        }

        if (letter.Status != CouncilLetterStatus.Draft)
        {
            return new LetterNotDraft(letter.Status);
        }

        var now = time.GetUtcNow().UtcDateTime;
        letter.AddVersion(new LetterContent(command.Subject!.Trim(), command.HandledBy!.Trim(), command.Phone?.Trim(), command.Body!.Replace("\r\n", "\n").Trim() + "\n", letter.Current.Data),
            $"Bewerkt door {command.Actor.Name}", command.Actor.Name, now);
        if (cycle.Status == ReportingCycleStatus.SentBack)
        {
            var drafting = new ReportingCycleWorkflow(cycle, now, command.Actor.Name).Fire(ReportingCycleWorkflow.Trigger.StartDrafting);
            if (!drafting.Succeeded)
            {
                return drafting.Error;
            }
        }

        return await LetterSaving.SaveAsync(db, letter, cancellationToken);
    }
}
