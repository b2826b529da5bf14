using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Regions;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Regions;

/// <summary>A share of this municipality: what (an indicator or an obligation's monitor), with whom, since when, and whether it was revoked.</summary>
public sealed record RegionalShareLine(
    Guid Id, Guid CooperationId, string Cooperation, Guid? IndicatorId, Guid? ObligationId, string What, DateTime SharedAtUtc, string SharedBy,
    DateTime? RevokedAtUtc, string? RevokedBy, int Version);

/// <summary>Everything this municipality shares or shared, newest first.</summary>
public sealed record ListRegionalSharesQuery : IQuery<Result<IReadOnlyList<RegionalShareLine>>>;

/// <summary>Shares one indicator, or one obligation's monitor, of this municipality with a cooperation it is a member of.</summary>
public sealed record GiveRegionalShareCommand(Guid? CooperationId, Guid? IndicatorId, Guid? ObligationId) : ICommand<Result<RegionalShareLine>>;

/// <summary>Takes a share back; from then on nothing of it crosses.</summary>
public sealed record RevokeRegionalShareCommand(Guid ShareId, int? Version) : ICommand<Result<RegionalShareLine>>;

public sealed class GiveRegionalShareValidator : AbstractValidator<GiveRegionalShareCommand>
{
    public GiveRegionalShareValidator()
    {
        RuleFor(c => c.CooperationId).NotNull().WithMessage("Kies het samenwerkingsverband waarmee u deelt.");
        RuleFor(c => c).Must(c => c.IndicatorId is null != c.ObligationId is null).WithName("indicatorId")
            .WithMessage("Deel één indicator, of de monitor van één motie of toezegging.");
    }
}

public sealed class RevokeRegionalShareValidator : AbstractValidator<RevokeRegionalShareCommand>
{
    public RevokeRegionalShareValidator() => RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
}

internal static class RegionalShareLines
{
    public static async Task<IReadOnlyList<RegionalShareLine>> MineAsync(GovernanceDbContext own, GovernanceDbContext system, RegionalShareId? only, CancellationToken cancellationToken)
    {
        var shares = await own.RegionalShares.AsNoTracking().Where(s => only == null || s.Id == only).OrderByDescending(s => s.SharedAtUtc).ToListAsync(cancellationToken);
        var cooperationIds = shares.Select(s => s.CooperationId).Distinct().ToList();
        var cooperations = await system.Cooperations.AsNoTracking().Where(c => cooperationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var indicatorIds = shares.Where(s => s.IndicatorId is not null).Select(s => s.IndicatorId!.Value).ToList();
        var indicators = await own.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => $"{i.Code} {i.Current.Name}", cancellationToken);
        var obligationIds = shares.Where(s => s.ObligationId is not null).Select(s => s.ObligationId!.Value).ToList();
        var obligations = await own.Obligations.AsNoTracking().Where(o => obligationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => $"Monitor van {o.Reference} {o.Title}", cancellationToken);
        return [.. shares.Select(s => new RegionalShareLine(
            s.Id.Value, s.CooperationId.Value, cooperations.GetValueOrDefault(s.CooperationId, "?"), s.IndicatorId?.Value, s.ObligationId?.Value,
            s.IndicatorId is { } i ? indicators.GetValueOrDefault(i, "?") : obligations.GetValueOrDefault(s.ObligationId!.Value, "?"),
            s.SharedAtUtc, s.SharedBy, s.RevokedAtUtc, s.RevokedBy, s.Version))];
    }
}

public sealed class ListRegionalSharesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, ISystemDatabase systemDatabase)
    : IQueryHandler<ListRegionalSharesQuery, Result<IReadOnlyList<RegionalShareLine>>>
{
    public async ValueTask<Result<IReadOnlyList<RegionalShareLine>>> Handle(ListRegionalSharesQuery query, CancellationToken cancellationToken)
    {
        await using var own = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var system = systemDatabase.CreateContext();
        return Result<IReadOnlyList<RegionalShareLine>>.Success(await RegionalShareLines.MineAsync(own, system, null, cancellationToken));
    }
}

public sealed class GiveRegionalShareHandler(IDbContextFactory<GovernanceDbContext> dbFactory, ISystemDatabase systemDatabase, CurrentUser user, AuditTrail audit, TimeProvider time)
    : ICommandHandler<GiveRegionalShareCommand, Result<RegionalShareLine>>
{
    public async ValueTask<Result<RegionalShareLine>> Handle(GiveRegionalShareCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } you)
        {
            return new Forbidden("Alleen iemand van een gemeente deelt haar cijfers.");
        }

        // What is shared is read in this municipality's own scope: another municipality's indicator or obligation is not found.
        await using var own = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var system = systemDatabase.CreateContext();
        var cooperationId = new CooperationId(command.CooperationId!.Value);
        var cooperation = await system.Cooperations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cooperationId, cancellationToken);
        if (cooperation is null || !cooperation.IsMember(you))
        {
            return new NotFound("Samenwerkingsverband");
        }

        var indicatorId = command.IndicatorId is { } i ? new IndicatorId(i) : (IndicatorId?)null;
        var obligationId = command.ObligationId is { } o ? new ObligationId(o) : (ObligationId?)null;
        string what;
        if (indicatorId is { } indicator)
        {
            var found = await own.Indicators.AsNoTracking().Include(x => x.Definitions).SingleOrDefaultAsync(x => x.Id == indicator, cancellationToken);
            if (found is null)
            {
                return new NotFound("Indicator");
            }

            what = $"{found.Code} {found.Current.Name}";
        }
        else
        {
            var found = await own.Obligations.AsNoTracking().Where(x => x.Id == obligationId!.Value).Select(x => new { x.Reference, x.Title }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return new NotFound("Obligation");
            }

            what = $"Monitor van {found.Reference} {found.Title}";
        }

        if (await own.RegionalShares.AnyAsync(s => s.CooperationId == cooperationId && s.RevokedAtUtc == null && s.IndicatorId == indicatorId && s.ObligationId == obligationId, cancellationToken))
        {
            return new Invalid(new Dictionary<string, string[]> { ["indicatorId"] = [$"Dit deelt uw gemeente al met {cooperation.Name}."] });
        }

        var share = RegionalShare.Give(cooperation, you, indicatorId, obligationId, user.DisplayName, time.GetUtcNow().UtcDateTime);
        own.RegionalShares.Add(share);
        audit.Record(own, AuditAction.RegionalShareGiven, $"{what} gedeeld met {cooperation.Name}");
        await own.SaveChangesAsync(cancellationToken);
        return (await RegionalShareLines.MineAsync(own, system, share.Id, cancellationToken)).Single();
    }
}

public sealed class RevokeRegionalShareHandler(IDbContextFactory<GovernanceDbContext> dbFactory, ISystemDatabase systemDatabase, CurrentUser user, AuditTrail audit, TimeProvider time)
    : ICommandHandler<RevokeRegionalShareCommand, Result<RegionalShareLine>>
{
    public async ValueTask<Result<RegionalShareLine>> Handle(RevokeRegionalShareCommand command, CancellationToken cancellationToken)
    {
        await using var own = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var system = systemDatabase.CreateContext();
        var id = new RegionalShareId(command.ShareId);
        var share = await own.RegionalShares.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (share is null)
        {
            return new NotFound("Gedeelde gegevens");
        }

        if (share.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft dit intussen gewijzigd. Laad de gegevens opnieuw.");
        }

        var line = (await RegionalShareLines.MineAsync(own, system, id, cancellationToken)).Single();
        share.Revoke(user.DisplayName, time.GetUtcNow().UtcDateTime);
        audit.Record(own, AuditAction.RegionalShareRevoked, $"{line.What} niet meer gedeeld met {line.Cooperation}");
        await own.SaveChangesAsync(cancellationToken);
        return (await RegionalShareLines.MineAsync(own, system, id, cancellationToken)).Single();
    }
}
