using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Organisation;

/// <summary>The aldermen of the municipality, past and present, with their term and the open work they hold.</summary>
public sealed record ListCollegeQuery : IQuery<IReadOnlyList<CollegeMember>>;

public sealed record CollegeMember(
    Guid Id, string Name, string Portfolio, DateOnly? TermStart, DateOnly? TermEnd, Guid? SucceededBy, string? Successor, int OpenObligations, int Version);

/// <summary>An alderman joins the college (after elections, or mid-term).</summary>
public sealed record AddAldermanCommand(string? Name, string? Portfolio, DateOnly? TermStart, DateOnly? TermEnd) : ICommand<Result<CollegeMember>>, IAldermanFields;

public sealed record ChangeAldermanCommand(Guid AldermanId, string? Name, string? Portfolio, DateOnly? TermStart, DateOnly? TermEnd, int Version)
    : ICommand<Result<CollegeMember>>, IAldermanFields;

/// <summary>
/// After elections: the open obligations of an alderman whose term ends move to the successor in one step, each with
/// a history line; letters waiting for approval then wait for the successor (approvals follow the obligation).
/// </summary>
public sealed record HandOverAldermanCommand(Guid AldermanId, Guid? SuccessorId, DateOnly? LastDay) : ICommand<Result<HandOver>>;

public sealed record HandOver(int Obligations, int LettersWaiting);

public interface IAldermanFields
{
    string? Name { get; }

    string? Portfolio { get; }

    DateOnly? TermStart { get; }

    DateOnly? TermEnd { get; }
}

public sealed class AldermanFieldsValidator<T> : AbstractValidator<T>
    where T : IAldermanFields
{
    public AldermanFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Vul de naam van de wethouder in.")
            .MaximumLength(Alderman.NameMaxLength).WithMessage($"De naam is hooguit {Alderman.NameMaxLength} tekens.");
        RuleFor(c => c.Portfolio).NotEmpty().WithMessage("Vul de portefeuille in zoals die onder een brief staat, bijvoorbeeld 'Wethouder Wonen en Onderwijs'.")
            .MaximumLength(Alderman.PortfolioMaxLength).WithMessage($"De portefeuille is hooguit {Alderman.PortfolioMaxLength} tekens.");
        RuleFor(c => c.TermEnd).GreaterThanOrEqualTo(c => c.TermStart).When(c => c.TermStart is not null && c.TermEnd is not null)
            .WithMessage("Het einde van de termijn ligt op of na het begin.");
    }
}

public sealed class AddAldermanValidator : AbstractValidator<AddAldermanCommand>
{
    public AddAldermanValidator() => Include(new AldermanFieldsValidator<AddAldermanCommand>());
}

public sealed class ChangeAldermanValidator : AbstractValidator<ChangeAldermanCommand>
{
    public ChangeAldermanValidator() => Include(new AldermanFieldsValidator<ChangeAldermanCommand>());
}

public sealed class HandOverAldermanValidator : AbstractValidator<HandOverAldermanCommand>
{
    public HandOverAldermanValidator()
    {
        RuleFor(c => c.SuccessorId).NotEmpty().WithMessage("Kies de wethouder die het werk overneemt.")
            .NotEqual(c => c.AldermanId).WithMessage("Kies een andere wethouder dan degene die vertrekt.");
        RuleFor(c => c.LastDay).NotNull().WithMessage("Vul de laatste dag van de termijn in.");
    }
}

internal static class College
{
    public static async Task<IReadOnlyList<CollegeMember>> MembersAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        var aldermen = await db.Aldermen.AsNoTracking().OrderBy(a => a.TermEnd != null).ThenBy(a => a.Name).ToListAsync(cancellationToken);
        var open = (await db.Obligations.AsNoTracking()
                .Where(o => o.Status != Domain.Obligations.ObligationStatus.Fulfilled && o.Status != Domain.Obligations.ObligationStatus.Lapsed)
                .ToListAsync(cancellationToken))
            .SelectMany(o => o.ResponsibleAldermen).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        var names = aldermen.ToDictionary(a => a.Id, a => a.Name);
        return [.. aldermen.Select(a => new CollegeMember(
            a.Id.Value, a.Name, a.Portfolio, a.TermStart, a.TermEnd, a.SucceededBy?.Value,
            a.SucceededBy is { } s ? names.GetValueOrDefault(s) : null, open.GetValueOrDefault(a.Id), a.Version))];
    }

    public static async Task<CollegeMember> MemberAsync(GovernanceDbContext db, AldermanId id, CancellationToken cancellationToken) =>
        (await MembersAsync(db, cancellationToken)).Single(m => m.Id == id.Value);

    public static string Term(DateOnly? start, DateOnly? end) =>
        start is null && end is null ? "" : $"{start?.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} t/m {end?.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "heden"}";
}

public sealed class ListCollegeHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListCollegeQuery, IReadOnlyList<CollegeMember>>
{
    public async ValueTask<IReadOnlyList<CollegeMember>> Handle(ListCollegeQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await College.MembersAsync(db, cancellationToken);
    }
}

public sealed class AddAldermanHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<AddAldermanCommand, Result<CollegeMember>>
{
    public async ValueTask<Result<CollegeMember>> Handle(AddAldermanCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente voegt wethouders toe.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alderman = new Alderman(municipality, command.Name!.Trim(), command.Portfolio!.Trim());
        alderman.SetTerm(command.TermStart, command.TermEnd);
        db.Aldermen.Add(alderman);
        audit.Record(db, AuditAction.AldermanAdded, alderman.Name,
            AuditChange.Set("Portefeuille", alderman.Portfolio), AuditChange.Set("Termijn", College.Term(alderman.TermStart, alderman.TermEnd)));
        await db.SaveChangesAsync(cancellationToken);
        return await College.MemberAsync(db, alderman.Id, cancellationToken);
    }
}

public sealed class ChangeAldermanHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit)
    : ICommandHandler<ChangeAldermanCommand, Result<CollegeMember>>
{
    public async ValueTask<Result<CollegeMember>> Handle(ChangeAldermanCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alderman = await db.Aldermen.SingleOrDefaultAsync(a => a.Id == new AldermanId(command.AldermanId), cancellationToken);
        if (alderman is null)
        {
            return new NotFound("Wethouder");
        }

        if (alderman.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft deze wethouder intussen gewijzigd. Laad de gegevens opnieuw.");
        }

        var changes = new[]
        {
            new AuditChange("Naam", alderman.Name, command.Name!.Trim()),
            new AuditChange("Portefeuille", alderman.Portfolio, command.Portfolio!.Trim()),
            new AuditChange("Termijn", College.Term(alderman.TermStart, alderman.TermEnd), College.Term(command.TermStart, command.TermEnd)),
        };
        alderman.Rename(command.Name!.Trim());
        alderman.ChangePortfolio(command.Portfolio!.Trim());
        alderman.SetTerm(command.TermStart, command.TermEnd);
        audit.Record(db, AuditAction.AldermanChanged, alderman.Name, changes);
        await db.SaveChangesAsync(cancellationToken);
        return await College.MemberAsync(db, alderman.Id, cancellationToken);
    }
}

public sealed class HandOverAldermanHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit, TimeProvider time)
    : ICommandHandler<HandOverAldermanCommand, Result<HandOver>>
{
    public async ValueTask<Result<HandOver>> Handle(HandOverAldermanCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leaving = await db.Aldermen.SingleOrDefaultAsync(a => a.Id == new AldermanId(command.AldermanId), cancellationToken);
        var successor = await db.Aldermen.SingleOrDefaultAsync(a => a.Id == new AldermanId(command.SuccessorId!.Value), cancellationToken);
        if (leaving is null)
        {
            return new NotFound("Wethouder");
        }

        if (successor is null)
        {
            return new Invalid(new Dictionary<string, string[]> { ["successorId"] = ["Deze wethouder bestaat niet in uw gemeente."] });
        }

        if (successor.SucceededBy is not null || (successor.TermEnd is { } end && end < command.LastDay!.Value))
        {
            return new Invalid(new Dictionary<string, string[]> { ["successorId"] = ["Deze wethouder is zelf al vertrokken; kies een wethouder van het nieuwe college."] });
        }

        var now = time.GetUtcNow().UtcDateTime;
        var obligations = await db.Obligations.ToListAsync(cancellationToken);
        var moved = obligations.Where(o => o.HandOver(leaving.Id, successor.Id, leaving.Name, successor.Name, now, user.DisplayName)).Select(o => o.Id).ToList();
        var waiting = await (from l in db.CouncilLetters
                             join c in db.ReportingCycles on l.CycleId equals c.Id
                             where l.Status == CouncilLetterStatus.InApproval && moved.Contains(c.ObligationId)
                             select l.Id).CountAsync(cancellationToken);
        leaving.HandOverTo(successor.Id, command.LastDay!.Value);
        audit.Record(db, AuditAction.CollegeSucceeded, leaving.Name,
            AuditChange.Set("Opvolger", successor.Name),
            AuditChange.Set("Open moties en toezeggingen overgedragen", moved.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            AuditChange.Set("Termijn", College.Term(leaving.TermStart, leaving.TermEnd)));
        await db.SaveChangesAsync(cancellationToken);
        return new HandOver(moved.Count, waiting);
    }
}
