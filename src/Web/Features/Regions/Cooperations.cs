using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Domain.Regions;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Regions;

/// <summary>A cooperation as a member (or invited municipality) sees it: its members and where each stands.</summary>
public sealed record CooperationLine(Guid Id, string Name, Guid LeadMunicipalityId, bool EachPortfolioHolderApproves, bool Ended, IReadOnlyList<CooperationMemberLine> Members, int Version);

/// <summary>A municipality in a cooperation: Invited, Member or Left, and whether it named the portfolio holder who approves regional letters for it.</summary>
public sealed record CooperationMemberLine(Guid MunicipalityId, string Name, string State, bool IsLead, bool IsYou, bool HasPortfolioHolder, Guid? PortfolioHolderId);

/// <summary>A municipality of the installation, to invite.</summary>
public sealed record MunicipalityLine(Guid Id, string Name);

/// <summary>The cooperations your municipality leads, is in, or is invited to.</summary>
public sealed record ListCooperationsQuery : IQuery<Result<IReadOnlyList<CooperationLine>>>;

/// <summary>The municipalities of the installation (their names only), to invite to a cooperation.</summary>
public sealed record ListMunicipalitiesQuery : IQuery<IReadOnlyList<MunicipalityLine>>;

/// <summary>Records a cooperation your municipality leads.</summary>
public sealed record CreateCooperationCommand(string? Name, bool EachPortfolioHolderApproves) : ICommand<Result<CooperationLine>>;

/// <summary>
/// A step in a cooperation: Invite (the lead's beheerder, naming a municipality), Join or Leave (your own municipality:
/// its griffie or beheerder), End (the lead's beheerder), PortfolioHolder (your own municipality names the alderman who
/// approves the regional letters for it, or none).
/// </summary>
public sealed record CooperationStepCommand(Guid CooperationId, CooperationStep? Step, Guid? MunicipalityId, int? Version, Guid? AldermanId = null) : ICommand<Result<CooperationLine>>;

public enum CooperationStep
{
    Invite,
    Join,
    Leave,
    End,
    PortfolioHolder,
}

public sealed class CreateCooperationValidator : AbstractValidator<CreateCooperationCommand>
{
    public CreateCooperationValidator() => RuleFor(c => c.Name)
        .NotEmpty().WithMessage("Vul de naam van het samenwerkingsverband in (bijvoorbeeld 'Maastricht en Heuvelland').")
        .MaximumLength(Cooperation.NameMaxLength).WithMessage($"De naam is hooguit {Cooperation.NameMaxLength} tekens.");
}

public sealed class CooperationStepValidator : AbstractValidator<CooperationStepCommand>
{
    public CooperationStepValidator()
    {
        RuleFor(c => c.Step).NotNull().WithMessage("Kies een stap: Invite, Join, Leave, End of PortfolioHolder.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
        RuleFor(c => c.MunicipalityId).NotNull().When(c => c.Step == CooperationStep.Invite).WithMessage("Kies de gemeente die u uitnodigt.");
    }
}

internal static class CooperationLines
{
    /// <summary>The cooperations <paramref name="municipality"/> is in or invited to (left ones only while it has not been invited again).</summary>
    public static async Task<IReadOnlyList<CooperationLine>> ForAsync(GovernanceDbContext db, MunicipalityId municipality, Guid? only, CancellationToken cancellationToken)
    {
        var cooperations = await db.Cooperations.AsNoTracking()
            .Where(c => (only == null || c.Id == new CooperationId(only.Value)) && c.Members.Any(m => m.MunicipalityId == municipality && m.LeftAtUtc == null))
            .OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var names = await db.Municipalities.AsNoTracking().Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return [.. cooperations.Select(c => Line(c, names, municipality))];
    }

    public static CooperationLine Line(Cooperation c, IReadOnlyDictionary<MunicipalityId, string> names, MunicipalityId you) => new(
        c.Id.Value,
        c.Name,
        c.LeadMunicipalityId.Value,
        c.EachPortfolioHolderApproves,
        c.EndedAtUtc is not null,
        [.. c.Members.OrderBy(m => names.GetValueOrDefault(m.MunicipalityId, "")).Select(m => new CooperationMemberLine(
            m.MunicipalityId.Value,
            names.GetValueOrDefault(m.MunicipalityId, "?"),
            m.LeftAtUtc is not null ? "Left" : m.JoinedAtUtc is not null ? "Member" : "Invited",
            m.MunicipalityId == c.LeadMunicipalityId,
            m.MunicipalityId == you,
            m.PortfolioHolderId is not null,
            // Which alderman is another municipality's business; whether it named one is what the lead needs to know.
            m.MunicipalityId == you ? m.PortfolioHolderId?.Value : null))],
        c.Version);
}

public sealed class ListCooperationsHandler(ISystemDatabase systemDatabase, CurrentUser user) : IQueryHandler<ListCooperationsQuery, Result<IReadOnlyList<CooperationLine>>>
{
    public async ValueTask<Result<IReadOnlyList<CooperationLine>>> Handle(ListCooperationsQuery query, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente ziet haar samenwerkingsverbanden.");
        }

        // Cooperations span municipalities: read with the system's scope, limited here to the ones this municipality is in.
        await using var db = systemDatabase.CreateContext();
        return Result<IReadOnlyList<CooperationLine>>.Success(await CooperationLines.ForAsync(db, municipality, null, cancellationToken));
    }
}

public sealed class ListMunicipalitiesHandler(ISystemDatabase systemDatabase) : IQueryHandler<ListMunicipalitiesQuery, IReadOnlyList<MunicipalityLine>>
{
    public async ValueTask<IReadOnlyList<MunicipalityLine>> Handle(ListMunicipalitiesQuery query, CancellationToken cancellationToken)
    {
        await using var db = systemDatabase.CreateContext();
        return await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new MunicipalityLine(m.Id.Value, m.Name)).ToListAsync(cancellationToken);
    }
}

public sealed class CreateCooperationHandler(ISystemDatabase systemDatabase, CurrentUser user, AuditTrail audit, TimeProvider time)
    : ICommandHandler<CreateCooperationCommand, Result<CooperationLine>>
{
    public async ValueTask<Result<CooperationLine>> Handle(CreateCooperationCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen de beheerder van een gemeente legt een samenwerkingsverband vast.");
        }

        await using var db = systemDatabase.CreateContext();
        var cooperation = new Cooperation(command.Name!.Trim(), municipality, command.EachPortfolioHolderApproves, time.GetUtcNow().UtcDateTime);
        db.Cooperations.Add(cooperation);
        audit.Record(db, AuditAction.CooperationCreated, cooperation.Name);
        await db.SaveChangesAsync(cancellationToken);
        return (await CooperationLines.ForAsync(db, municipality, cooperation.Id.Value, cancellationToken)).Single();
    }
}

public sealed class CooperationStepHandler(ISystemDatabase systemDatabase, CurrentUser user, AuditTrail audit, TimeProvider time)
    : ICommandHandler<CooperationStepCommand, Result<CooperationLine>>
{
    public async ValueTask<Result<CooperationLine>> Handle(CooperationStepCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } you)
        {
            return new Forbidden("Alleen de beheerder van een gemeente werkt aan een samenwerkingsverband.");
        }

        await using var db = systemDatabase.CreateContext();
        var id = new CooperationId(command.CooperationId);
        // A cooperation this municipality is not in (or invited to) is not there for it.
        var cooperation = await db.Cooperations.SingleOrDefaultAsync(c => c.Id == id && c.Members.Any(m => m.MunicipalityId == you && m.LeftAtUtc == null), cancellationToken);
        if (cooperation is null)
        {
            return new NotFound("Samenwerkingsverband");
        }

        if (cooperation.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft dit samenwerkingsverband intussen gewijzigd. Laad de gegevens opnieuw.");
        }

        var lead = cooperation.LeadMunicipalityId == you;
        if (command.Step is CooperationStep.Invite or CooperationStep.End && !user.IsInRole(Domain.Accounts.Roles.Beheerder))
        {
            return new Forbidden("Alleen de beheerder nodigt gemeenten uit of beëindigt een samenwerkingsverband.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        string subject;
        switch (command.Step!.Value)
        {
            case CooperationStep.Invite when !lead:
                return new Forbidden("Alleen de gemeente die het samenwerkingsverband leidt, nodigt gemeenten uit.");
            case CooperationStep.Invite:
                var invited = new MunicipalityId(command.MunicipalityId!.Value);
                if (await db.Municipalities.AsNoTracking().Where(m => m.Id == invited).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken) is not { } name)
                {
                    return new NotFound("Gemeente");
                }

                cooperation.Invite(invited, now);
                subject = $"{cooperation.Name}: {name} uitgenodigd";
                break;
            case CooperationStep.Join:
                cooperation.Join(you, now);
                subject = $"{cooperation.Name}: toegetreden";
                break;
            case CooperationStep.Leave when lead:
                return new Forbidden("De gemeente die het samenwerkingsverband leidt, treedt niet uit; zij beëindigt het.");
            case CooperationStep.Leave:
                cooperation.Leave(you, now);
                // What this municipality shared with it goes with it.
                foreach (var share in await db.RegionalShares.Where(s => s.MunicipalityId == you && s.CooperationId == id && s.RevokedAtUtc == null).ToListAsync(cancellationToken))
                {
                    share.Revoke(user.DisplayName, now);
                    audit.Record(db, AuditAction.RegionalShareRevoked, $"Gedeeld onderdeel ingetrokken bij het uittreden uit {cooperation.Name}");
                }

                subject = $"{cooperation.Name}: uitgetreden";
                break;
            case CooperationStep.End when !lead:
                return new Forbidden("Alleen de gemeente die het samenwerkingsverband leidt, beëindigt het.");
            case CooperationStep.PortfolioHolder:
                if (!cooperation.IsMember(you))
                {
                    return new Conflict("Treed eerst toe; dan wijst uw gemeente haar portefeuillehouder aan.");
                }

                var alderman = command.AldermanId is { } chosen ? new Domain.Organisation.AldermanId(chosen) : (Domain.Organisation.AldermanId?)null;
                if (alderman is { } a && !await db.Aldermen.AsNoTracking().AnyAsync(x => x.Id == a && x.MunicipalityId == you, cancellationToken))
                {
                    return new NotFound("Wethouder");
                }

                cooperation.SetPortfolioHolder(you, alderman);
                subject = $"{cooperation.Name}: portefeuillehouder {(alderman is null ? "niet meer" : "")} aangewezen".Replace("  ", " ", StringComparison.Ordinal);
                break;
            default:
                cooperation.End(now);
                subject = $"{cooperation.Name}: beëindigd";
                break;
        }

        audit.Record(db, AuditAction.CooperationChanged, subject);
        await db.SaveChangesAsync(cancellationToken);
        var names = await db.Municipalities.AsNoTracking().Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return CooperationLines.Line(cooperation, names, you);
    }
}
