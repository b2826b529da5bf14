using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Organisation;

/// <summary>The council's bodies: where motions are adopted and commitments made; each keeps its list of commitments.</summary>
public sealed record ListCouncilBodiesQuery : IQuery<IReadOnlyList<CouncilBody>>;

public sealed record CouncilBody(Guid Id, string Name, DateOnly? RetiredOn, int Obligations, int Version);

public sealed record AddCommitteeCommand(string? Name) : ICommand<Result<CouncilBody>>;

/// <summary>Renames a body (obligations keep the name they were registered under) or retires or reinstates it.</summary>
public sealed record ChangeCommitteeCommand(Guid CommitteeId, string? Name, bool Retired, int Version) : ICommand<Result<CouncilBody>>;

public sealed class AddCommitteeValidator : AbstractValidator<AddCommitteeCommand>
{
    public AddCommitteeValidator() => RuleFor(c => c.Name).CommitteeName();
}

public sealed class ChangeCommitteeValidator : AbstractValidator<ChangeCommitteeCommand>
{
    public ChangeCommitteeValidator() => RuleFor(c => c.Name).CommitteeName();
}

internal static class CouncilBodies
{
    public static IRuleBuilderOptions<T, string?> CommitteeName<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Vul de naam in, zoals die onder een motie of toezegging staat (bijvoorbeeld 'Domeinvergadering Sociaal').")
        .MaximumLength(Committee.NameMaxLength).WithMessage($"De naam is hooguit {Committee.NameMaxLength} tekens.");

    public static async Task<IReadOnlyList<CouncilBody>> AllAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Obligations.GroupBy(o => o.Meeting.Body).Select(g => new { Body = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Body, g => g.Count, cancellationToken);
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.RetiredOn != null).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return [.. committees.Select(c => new CouncilBody(c.Id.Value, c.Name, c.RetiredOn, counts.GetValueOrDefault(c.Name), c.Version))];
    }

    public static async Task<Dictionary<string, string[]>?> NameTakenAsync(GovernanceDbContext db, string name, CommitteeId? except, CancellationToken cancellationToken) =>
        await db.Committees.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken)
            ? new() { ["name"] = ["Er is al een commissie met deze naam."] }
            : null;
}

public sealed class ListCouncilBodiesHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListCouncilBodiesQuery, IReadOnlyList<CouncilBody>>
{
    public async ValueTask<IReadOnlyList<CouncilBody>> Handle(ListCouncilBodiesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CouncilBodies.AllAsync(db, cancellationToken);
    }
}

public sealed class AddCommitteeHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<AddCommitteeCommand, Result<CouncilBody>>
{
    public async ValueTask<Result<CouncilBody>> Handle(AddCommitteeCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente voegt commissies toe.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = command.Name!.Trim();
        if (await CouncilBodies.NameTakenAsync(db, name, null, cancellationToken) is { } taken)
        {
            return new Invalid(taken);
        }

        var committee = new Committee(municipality, name);
        db.Committees.Add(committee);
        audit.Record(db, AuditAction.CommitteeAdded, name);
        await db.SaveChangesAsync(cancellationToken);
        return (await CouncilBodies.AllAsync(db, cancellationToken)).Single(c => c.Id == committee.Id.Value);
    }
}

public sealed class ChangeCommitteeHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit, TimeProvider time)
    : ICommandHandler<ChangeCommitteeCommand, Result<CouncilBody>>
{
    public async ValueTask<Result<CouncilBody>> Handle(ChangeCommitteeCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == new CommitteeId(command.CommitteeId), cancellationToken);
        if (committee is null)
        {
            return new NotFound("Commissie");
        }

        if (committee.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft deze commissie intussen gewijzigd. Laad de gegevens opnieuw.");
        }

        var name = command.Name!.Trim();
        if (await CouncilBodies.NameTakenAsync(db, name, committee.Id, cancellationToken) is { } taken)
        {
            return new Invalid(taken);
        }

        var changes = new[]
        {
            new AuditChange("Naam", committee.Name, name),
            new AuditChange("Status", committee.RetiredOn is null ? "in gebruik" : "opgeheven", command.Retired ? "opgeheven" : "in gebruik"),
        };
        committee.Rename(name);
        if (command.Retired)
        {
            committee.Retire(MunicipalTime.Today(time));
        }
        else
        {
            committee.Reinstate();
        }

        audit.Record(db, AuditAction.CommitteeChanged, name, changes);
        await db.SaveChangesAsync(cancellationToken);
        return (await CouncilBodies.AllAsync(db, cancellationToken)).Single(c => c.Id == committee.Id.Value);
    }
}
