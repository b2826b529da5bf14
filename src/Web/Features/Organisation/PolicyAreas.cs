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

/// <summary>The policy areas (beleidsterreinen) motions and commitments are filed under, with how many are filed under each.</summary>
public sealed record ListPolicyAreasQuery : IQuery<IReadOnlyList<PolicyAreaLine>>;

public sealed record PolicyAreaLine(Guid Id, string Name, DateOnly? RetiredOn, int Obligations, int Version);

public sealed record AddPolicyAreaCommand(string? Name) : ICommand<Result<PolicyAreaLine>>;

/// <summary>Renames an area (every obligation filed under it moves with it) or retires or reinstates it.</summary>
public sealed record ChangePolicyAreaCommand(Guid PolicyAreaId, string? Name, bool Retired, int Version) : ICommand<Result<PolicyAreaLine>>;

public sealed class AddPolicyAreaValidator : AbstractValidator<AddPolicyAreaCommand>
{
    public AddPolicyAreaValidator() => RuleFor(c => c.Name).PolicyAreaName();
}

public sealed class ChangePolicyAreaValidator : AbstractValidator<ChangePolicyAreaCommand>
{
    public ChangePolicyAreaValidator() => RuleFor(c => c.Name).PolicyAreaName();
}

internal static class PolicyAreas
{
    public static IRuleBuilderOptions<T, string?> PolicyAreaName<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Vul de naam van het beleidsterrein in (bijvoorbeeld 'Wmo').")
        .MaximumLength(PolicyArea.NameMaxLength).WithMessage($"De naam is hooguit {PolicyArea.NameMaxLength} tekens.");

    public static async Task<IReadOnlyList<PolicyAreaLine>> AllAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Obligations.GroupBy(o => o.PolicyArea).Select(g => new { Area = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Area, g => g.Count, cancellationToken);
        var areas = await db.PolicyAreas.AsNoTracking().OrderBy(a => a.RetiredOn != null).ThenBy(a => a.Name).ToListAsync(cancellationToken);
        return [.. areas.Select(a => new PolicyAreaLine(a.Id.Value, a.Name, a.RetiredOn, counts.GetValueOrDefault(a.Name), a.Version))];
    }

    public static async Task<Dictionary<string, string[]>?> NameTakenAsync(GovernanceDbContext db, string name, PolicyAreaId? except, CancellationToken cancellationToken) =>
        await db.PolicyAreas.AnyAsync(a => a.Name == name && a.Id != except, cancellationToken)
            ? new() { ["name"] = ["Er is al een beleidsterrein met deze naam."] }
            : null;
}

public sealed class ListPolicyAreasHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListPolicyAreasQuery, IReadOnlyList<PolicyAreaLine>>
{
    public async ValueTask<IReadOnlyList<PolicyAreaLine>> Handle(ListPolicyAreasQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PolicyAreas.AllAsync(db, cancellationToken);
    }
}

public sealed class AddPolicyAreaHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<AddPolicyAreaCommand, Result<PolicyAreaLine>>
{
    public async ValueTask<Result<PolicyAreaLine>> Handle(AddPolicyAreaCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente voegt beleidsterreinen toe.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = command.Name!.Trim();
        if (await PolicyAreas.NameTakenAsync(db, name, null, cancellationToken) is { } taken)
        {
            return new Invalid(taken);
        }

        var area = new PolicyArea(municipality, name);
        db.PolicyAreas.Add(area);
        audit.Record(db, AuditAction.PolicyAreaAdded, name);
        await db.SaveChangesAsync(cancellationToken);
        return (await PolicyAreas.AllAsync(db, cancellationToken)).Single(a => a.Id == area.Id.Value);
    }
}

public sealed class ChangePolicyAreaHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit, TimeProvider time)
    : ICommandHandler<ChangePolicyAreaCommand, Result<PolicyAreaLine>>
{
    public async ValueTask<Result<PolicyAreaLine>> Handle(ChangePolicyAreaCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var area = await db.PolicyAreas.SingleOrDefaultAsync(a => a.Id == new PolicyAreaId(command.PolicyAreaId), cancellationToken);
        if (area is null)
        {
            return new NotFound("Beleidsterrein");
        }

        if (area.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft dit beleidsterrein intussen gewijzigd. Laad de gegevens opnieuw.");
        }

        var name = command.Name!.Trim();
        if (await PolicyAreas.NameTakenAsync(db, name, area.Id, cancellationToken) is { } taken)
        {
            return new Invalid(taken);
        }

        var changes = new[]
        {
            new AuditChange("Naam", area.Name, name),
            new AuditChange("Status", area.RetiredOn is null ? "in gebruik" : "opgeheven", command.Retired ? "opgeheven" : "in gebruik"),
        };
        var oldName = area.Name;
        area.Rename(name);
        if (command.Retired)
        {
            area.Retire(MunicipalTime.Today(time));
        }
        else
        {
            area.Reinstate();
        }

        audit.Record(db, AuditAction.PolicyAreaChanged, name, changes);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (oldName != name)
        {
            // A classification, not history: the obligations filed under the area carry its new name.
            await db.Obligations.Where(o => o.PolicyArea == oldName).ExecuteUpdateAsync(set => set.SetProperty(o => o.PolicyArea, name), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (await PolicyAreas.AllAsync(db, cancellationToken)).Single(a => a.Id == area.Id.Value);
    }
}
