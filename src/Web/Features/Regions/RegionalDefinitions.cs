using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Regions;

/// <summary>Links an indicator of this municipality to a regional definition (its code) and names the national source it follows.</summary>
public sealed record SetIndicatorRegionCommand(Guid IndicatorId, string? RegionalCode, string? NationalSource, int? Version) : ICommand<Result<IndicatorRegionLine>>;

public sealed record IndicatorRegionLine(Guid IndicatorId, string Code, string RegionalKey, string? RegionalCode, string? NationalSource, int Version);

public sealed class SetIndicatorRegionValidator : AbstractValidator<SetIndicatorRegionCommand>
{
    public SetIndicatorRegionValidator()
    {
        RuleFor(c => c.RegionalCode).MaximumLength(Indicator.CodeMaxLength).WithMessage($"Een regionale code is hooguit {Indicator.CodeMaxLength} tekens.")
            .Matches("^[A-Za-z0-9._-]*$").WithMessage("Een regionale code heeft alleen letters, cijfers, '-', '_' en '.'.");
        RuleFor(c => c.NationalSource).MaximumLength(Indicator.NationalSourceMaxLength).WithMessage($"De landelijke bron is hooguit {Indicator.NationalSourceMaxLength} tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class SetIndicatorRegionHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit) : ICommandHandler<SetIndicatorRegionCommand, Result<IndicatorRegionLine>>
{
    public async ValueTask<Result<IndicatorRegionLine>> Handle(SetIndicatorRegionCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == new IndicatorId(command.IndicatorId), cancellationToken);
        if (indicator is null)
        {
            return new NotFound("Indicator");
        }

        if (indicator.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft deze indicator intussen gewijzigd. Laad de gegevens opnieuw.");
        }

        var before = (indicator.RegionalCode, indicator.NationalSource);
        indicator.SetRegion(command.RegionalCode, command.NationalSource);
        audit.Record(db, AuditAction.IndicatorChanged, indicator.Code,
            new AuditChange("Regionale code", before.RegionalCode ?? "", indicator.RegionalCode ?? ""),
            new AuditChange("Landelijke bron", before.NationalSource ?? "", indicator.NationalSource ?? ""));
        await db.SaveChangesAsync(cancellationToken);
        return new IndicatorRegionLine(indicator.Id.Value, indicator.Code, indicator.RegionalKey, indicator.RegionalCode, indicator.NationalSource, indicator.Version);
    }
}
