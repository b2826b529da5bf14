using System.Globalization;
using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Features.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Indicators;

/// <summary>
/// A changed definition becomes a new version; values entered earlier keep the version they were entered under.
/// <see cref="Version"/> is the indicator's version as read (its concurrency token), so two edits do not overwrite each other.
/// </summary>
public sealed record ReviseIndicatorCommand : ICommand<Result<RevisedIndicator>>, IIndicatorFields
{
    public Guid IndicatorId { get; init; }

    public int Version { get; init; }

    public string? Name { get; init; }

    public string? Definition { get; init; }

    public IndicatorKind? Kind { get; init; }

    public string? Unit { get; init; }

    public int Decimals { get; init; }

    public string? Source { get; init; }

    public Guid? ResponsibleTeamId { get; init; }

    public GoodDirection GoodDirection { get; init; } = GoodDirection.Neutral;

    public IReadOnlyList<string>? Categories { get; init; }

    public BreakdownNature Nature { get; init; }

    public bool InMillions { get; init; }

    public string? Formula { get; init; }

    public string? Benchmark { get; init; }

    public string? Caveat { get; init; }

    public decimal? BaselineValue { get; init; }

    public DateOnly? BaselineMeasuredOn { get; init; }

    public decimal? TargetValue { get; init; }

    public int? TargetYear { get; init; }
}

/// <summary>The definition version now current, and whether this change made it.</summary>
public sealed record RevisedIndicator(Guid Id, int DefinitionVersion, bool Changed);

/// <summary>Retires an indicator (no new tasks ask for it; values and versions stay) or puts it back in use.</summary>
public sealed record RetireIndicatorCommand(Guid IndicatorId, bool Retire) : ICommand<Result>;

public sealed class ReviseIndicatorValidator : AbstractValidator<ReviseIndicatorCommand>
{
    public ReviseIndicatorValidator() => Include(new IndicatorFieldsValidator<ReviseIndicatorCommand>());
}

public sealed class ReviseIndicatorHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit, TimeProvider time)
    : ICommandHandler<ReviseIndicatorCommand, Result<RevisedIndicator>>
{
    public async ValueTask<Result<RevisedIndicator>> Handle(ReviseIndicatorCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicator = await db.Indicators.Include(i => i.Definitions).SingleOrDefaultAsync(i => i.Id == new IndicatorId(command.IndicatorId), cancellationToken);
        if (indicator is null)
        {
            return new NotFound("Indicator");
        }

        if (indicator.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft deze indicator intussen gewijzigd. Laad hem opnieuw en breng uw wijziging dan aan.");
        }

        var spec = IndicatorFields.Specification(command);
        if (spec.Kind != indicator.Current.Kind)
        {
            return new Invalid(new Dictionary<string, string[]> { ["kind"] = ["De soort van een indicator verandert niet: eerdere waarden zouden niet meer te lezen zijn. Maak een nieuwe indicator."] });
        }

        if (!await db.Teams.AnyAsync(t => t.Id == spec.ResponsibleTeamId && (t.RetiredOn == null || t.Id == indicator.Current.ResponsibleTeamId), cancellationToken))
        {
            return new Invalid(new Dictionary<string, string[]> { ["responsibleTeamId"] = ["Dit team bestaat niet (meer) in deze gemeente."] });
        }

        if (spec.Formula is { } formula && await IndicatorFormulas.CheckAsync(db, indicator.Id, indicator.Code, IndicatorFormula.Parse(formula).Value, cancellationToken) is { } problem)
        {
            return new Invalid(new Dictionary<string, string[]> { ["formula"] = [problem] });
        }

        if (spec.Benchmark is { } benchmark && await IndicatorFormulas.CheckBenchmarkAsync(db, indicator.Code, spec.Kind, benchmark, cancellationToken) is { } unfit)
        {
            return new Invalid(new Dictionary<string, string[]> { ["benchmark"] = [unfit] });
        }

        var before = indicator.Current.ToSpecification();
        if (!indicator.Revise(spec, time.GetUtcNow().UtcDateTime))
        {
            return new RevisedIndicator(indicator.Id.Value, indicator.Current.VersionNumber, false);
        }

        var teams = await db.Teams.Where(t => t.Id == before.ResponsibleTeamId || t.Id == spec.ResponsibleTeamId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        audit.Record(db, AuditAction.IndicatorChanged, $"{indicator.Code} {spec.Name}", Changes(before, spec, teams).Append(AuditChange.Set("Versie", indicator.Current.VersionNumber.ToString(CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(cancellationToken);
        return new RevisedIndicator(indicator.Id.Value, indicator.Current.VersionNumber, true);
    }

    private static IEnumerable<AuditChange> Changes(IndicatorSpecification old, IndicatorSpecification @new, Dictionary<TeamId, string> teams) =>
    [
        new("Naam", old.Name, @new.Name),
        new("Definitie", old.Definition, @new.Definition),
        new("Eenheid", old.Unit, @new.Unit),
        new("Decimalen", old.Decimals.ToString(CultureInfo.InvariantCulture), @new.Decimals.ToString(CultureInfo.InvariantCulture)),
        new("Bron", old.Source, @new.Source),
        new("Team", teams.GetValueOrDefault(old.ResponsibleTeamId), teams.GetValueOrDefault(@new.ResponsibleTeamId)),
        new("Gewenste richting", Shown(old.GoodDirection), Shown(@new.GoodDirection)),
        new("Nulmeting", Shown(old.Baseline), Shown(@new.Baseline)),
        new("Streefwaarde", Shown(old.Target), Shown(@new.Target)),
        new("Categorieën", string.Join(", ", old.Categories), string.Join(", ", @new.Categories)),
        new("Soort uitsplitsing", Shown(old.Nature), Shown(@new.Nature)),
        new("In miljoenen", old.InMillions ? "ja" : "nee", @new.InMillions ? "ja" : "nee"),
        new("Formule", old.Formula, @new.Formula),
        new("Vergelijkingscijfer", old.Benchmark, @new.Benchmark),
        new("Kanttekening", old.Caveat, @new.Caveat),
    ];

    private static string Shown(BreakdownNature nature) => nature switch
    {
        BreakdownNature.Parts => "delen van een geheel",
        BreakdownNature.Budget => "budgetregel",
        _ => "afzonderlijke maten",
    };

    private static string Shown(GoodDirection direction) => direction switch
    {
        GoodDirection.Up => "hoger is beter",
        GoodDirection.Down => "lager is beter",
        _ => "geen richting",
    };

    private static string? Shown(Baseline? baseline) =>
        baseline is null ? null : $"{baseline.Value.ToString(CultureInfo.GetCultureInfo("nl-NL"))} op {baseline.MeasuredOn:d-M-yyyy}";

    private static string? Shown(Target? target) =>
        target is null ? null : $"{target.Value.ToString(CultureInfo.GetCultureInfo("nl-NL"))} in {target.Year}";
}

public sealed class RetireIndicatorHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit, TimeProvider time)
    : ICommandHandler<RetireIndicatorCommand, Result>
{
    public async ValueTask<Result> Handle(RetireIndicatorCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var indicator = await db.Indicators.Include(i => i.Definitions).SingleOrDefaultAsync(i => i.Id == new IndicatorId(command.IndicatorId), cancellationToken);
        if (indicator is null)
        {
            return new NotFound("Indicator");
        }

        if (command.Retire == indicator.IsRetired)
        {
            return Result.Success();
        }

        if (command.Retire)
        {
            if (await IndicatorFormulas.ReadByAsync(db, indicator, cancellationToken) is { } reader)
            {
                return new IndicatorInFormula(indicator.Code, reader);
            }

            indicator.Retire(MunicipalTime.Today(time));
            audit.Record(db, AuditAction.IndicatorRetired, $"{indicator.Code} {indicator.Current.Name}");
        }
        else
        {
            indicator.Reinstate();
            audit.Record(db, AuditAction.IndicatorChanged, $"{indicator.Code} {indicator.Current.Name}", new AuditChange("Status", "buiten gebruik", "in gebruik"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
