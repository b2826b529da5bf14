using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Governance.Workflows.Letters;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Letters;

/// <summary>The municipality's letter template for each kind of obligation (or the built-in default).</summary>
public sealed record GetLetterTemplatesQuery : IQuery<IReadOnlyList<LetterTemplateView>>;

/// <summary><c>Version</c> is null while the default is in use (there is no stored template yet).</summary>
public sealed record LetterTemplateView(ObligationKind Kind, string Text, bool IsDefault, string? UpdatedBy, DateTime? UpdatedAtUtc, int? Version);

/// <summary>
/// The beheerder or the griffie saves a template for a kind of obligation. It is checked first (parsed and
/// rendered against the sample letter): a template that fails is refused with its line and nothing is
/// stored. <c>Version</c> is the one read (null for the default), so two editors never overwrite each other.
/// </summary>
public sealed record SaveLetterTemplateCommand(ObligationKind? Kind, string? Text, int? Version) : ICommand<Result<int>>;

/// <summary>Goes back to the built-in template for a kind (the stored one is removed).</summary>
public sealed record ResetLetterTemplateCommand(ObligationKind Kind, int? Version) : ICommand<Result>;

public sealed class SaveLetterTemplateValidator : AbstractValidator<SaveLetterTemplateCommand>
{
    public SaveLetterTemplateValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Kies motie of toezegging.").IsInEnum().WithMessage("Onbekende soort.");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Het sjabloon is leeg.")
            .MaximumLength(LetterTemplate.TextMaxLength).WithMessage($"Een sjabloon is hooguit {LetterTemplate.TextMaxLength} tekens.");
    }
}

public sealed class LetterTemplatesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : IQueryHandler<GetLetterTemplatesQuery, IReadOnlyList<LetterTemplateView>>,
      ICommandHandler<SaveLetterTemplateCommand, Result<int>>,
      ICommandHandler<ResetLetterTemplateCommand, Result>
{
    public async ValueTask<IReadOnlyList<LetterTemplateView>> Handle(GetLetterTemplatesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.LetterTemplates.AsNoTracking().ToListAsync(cancellationToken);
        return [.. Enum.GetValues<ObligationKind>().Select(kind => stored.SingleOrDefault(t => t.Kind == kind) is { } t
            ? new LetterTemplateView(kind, t.Text, false, t.UpdatedBy, t.UpdatedAtUtc, t.Version)
            : new LetterTemplateView(kind, LetterTemplates.Default, true, null, null, null))];
    }

    public async ValueTask<Result<int>> Handle(SaveLetterTemplateCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Sjablonen horen bij een gemeente; alleen iemand van die gemeente past ze aan.");
        }

        var checkedText = LetterTemplates.Check(command.Text!);
        if (!checkedText.Succeeded)
        {
            return checkedText.Error;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.LetterTemplates.SingleOrDefaultAsync(t => t.Kind == command.Kind, cancellationToken);
        if (template?.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft dit sjabloon intussen opgeslagen. Laad het opnieuw; uw tekst staat nog in het veld.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (template is null)
        {
            template = new LetterTemplate(municipality, command.Kind!.Value, command.Text!, user.DisplayName, now);
            db.LetterTemplates.Add(template);
        }
        else
        {
            template.Change(command.Text!, user.DisplayName, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new Conflict("Iemand anders heeft dit sjabloon intussen opgeslagen. Laad het opnieuw; uw tekst staat nog in het veld.");
        }

        return template.Version;
    }

    public async ValueTask<Result> Handle(ResetLetterTemplateCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.LetterTemplates.SingleOrDefaultAsync(t => t.Kind == command.Kind, cancellationToken);
        if (template is null)
        {
            return Result.Success();
        }

        if (template.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft dit sjabloon intussen opgeslagen. Laad het opnieuw.");
        }

        db.LetterTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>
/// What the template editor previews for a kind of obligation: the municipality's own latest letter on an obligation
/// of that kind (its stored figures), else the sample figures on the municipality's own latest obligation of that
/// kind, with its own name, aldermen and contact details. The Vaals griffie sees Vaals, a motion tab a motion.
/// </summary>
public sealed record GetTemplateSampleQuery(ObligationKind Kind) : IQuery<LetterModel>;

public sealed class GetTemplateSampleHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<GetTemplateSampleQuery, LetterModel>
{
    public async ValueTask<LetterModel> Handle(GetTemplateSampleQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var motion = query.Kind == ObligationKind.Motion;
        IQueryable<Obligation> obligations = motion ? db.Obligations.Where(o => o is Domain.Motions.Motion) : db.Obligations.Where(o => o is Domain.Commitments.Commitment);
        var latest = await (from version in db.LetterVersions
                            join letter in db.CouncilLetters on version.LetterId equals letter.Id
                            join cycle in db.ReportingCycles on letter.CycleId equals cycle.Id
                            join owner in obligations on cycle.ObligationId equals owner.Id
                            orderby version.CreatedAtUtc descending
                            select version).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && LetterHtml.Model(latest) is { } own)
        {
            return own;
        }

        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        var sample = LetterSamples.Sample;
        var example = await obligations.AsNoTracking().OrderByDescending(o => o.AdoptedOn).FirstOrDefaultAsync(cancellationToken);
        var obligation = example is null
            ? LetterSamples.ObligationOf(query.Kind)
            : LetterComposer.Describe(example.Kind, example.Reference, example.Title, example.Text, example.Meeting.Body, example.Meeting.Date);
        var aldermanIds = example?.ResponsibleAldermen ?? [];
        var aldermen = await db.Aldermen.AsNoTracking()
            .Where(a => aldermanIds.Count == 0 ? a.TermEnd == null : aldermanIds.Contains(a.Id))
            .OrderBy(a => a.Name).Take(3).Select(a => new LetterAlderman(a.Name, a.Portfolio)).ToListAsync(cancellationToken);
        var contact = await db.Teams.AsNoTracking().Where(t => t.LetterHandledBy != null).OrderBy(t => t.Name)
            .Select(t => new { t.LetterHandledBy, t.LetterPhone, t.LetterEmail }).FirstOrDefaultAsync(cancellationToken);
        return sample with
        {
            Municipality = municipality?.Name ?? sample.Municipality,
            Subject = $"{obligation.Title}, {sample.Period}",
            Obligation = obligation,
            HandledBy = contact?.LetterHandledBy ?? municipality?.Name ?? sample.HandledBy,
            Phone = contact?.LetterPhone ?? municipality?.ContactPhone ?? sample.Phone,
            Email = contact?.LetterEmail ?? municipality?.ContactEmail ?? sample.Email,
            Links = municipality is null ? sample.Links : municipality.LetterLinks,
            Aldermen = aldermen.Count > 0 ? aldermen : sample.Aldermen,
        };
    }
}
