using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Indicators;

/// <summary>
/// Adds an indicator to the municipality's catalogue: the griffie defines one on the spot while
/// registering a motion that asks for it, the beheerder keeps the catalogue.
/// </summary>
public sealed record DefineIndicatorCommand : ICommand<Result<Guid>>, IIndicatorFields
{
    public string? Code { get; init; }

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

    /// <summary>
    /// Only checks the definition (its fields, a free code, a team in use) and stores nothing: the registration dialog
    /// checks an indicator defined on the spot this way, and creates it with the obligation when that is saved.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CheckOnly { get; init; }
}

public sealed class DefineIndicatorValidator : AbstractValidator<DefineIndicatorCommand>
{
    public DefineIndicatorValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("De code is verplicht.")
            .MaximumLength(Indicator.CodeMaxLength).WithMessage($"De code is hooguit {Indicator.CodeMaxLength} tekens.")
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").WithMessage("Een code bestaat uit letters, cijfers, punten, streepjes en liggende streepjes.");
        Include(new IndicatorFieldsValidator<DefineIndicatorCommand>());
    }
}

public sealed class DefineIndicatorHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<DefineIndicatorCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(DefineIndicatorCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente legt indicatoren vast.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = Indicator.NormaliseCode(command.Code!);
        if (await db.Indicators.AnyAsync(i => i.Code == code, cancellationToken))
        {
            return CodeTaken(code);
        }

        if (!await TeamInUseAsync(db, command, cancellationToken))
        {
            return new Invalid(new Dictionary<string, string[]> { ["responsibleTeamId"] = ["Dit team bestaat niet in deze gemeente."] });
        }

        var spec = IndicatorFields.Specification(command);
        if (spec.Formula is { } formula && await IndicatorFormulas.CheckAsync(db, null, code, IndicatorFormula.Parse(formula).Value, cancellationToken) is { } problem)
        {
            return new Invalid(new Dictionary<string, string[]> { ["formula"] = [problem] });
        }

        if (spec.Benchmark is { } benchmark && await IndicatorFormulas.CheckBenchmarkAsync(db, code, spec.Kind, benchmark, cancellationToken) is { } unfit)
        {
            return new Invalid(new Dictionary<string, string[]> { ["benchmark"] = [unfit] });
        }

        if (command.CheckOnly)
        {
            return Guid.Empty;
        }

        var indicator = new Indicator(municipality, code, spec, time.GetUtcNow().UtcDateTime);
        db.Indicators.Add(indicator);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return CodeTaken(code);
        }

        return indicator.Id.Value;
    }

    public static async Task<bool> TeamInUseAsync(GovernanceDbContext db, DefineIndicatorCommand command, CancellationToken cancellationToken)
    {
        var team = new TeamId(command.ResponsibleTeamId!.Value);
        return await db.Teams.AnyAsync(t => t.Id == team && t.RetiredOn == null, cancellationToken);
    }

    private static Invalid CodeTaken(string code) =>
        new(new Dictionary<string, string[]> { ["code"] = [$"Er is al een indicator met code {code}."] });
}

/// <summary>The teams of the municipality, for pickers.</summary>
public sealed record ListTeamsQuery : IQuery<IReadOnlyList<TeamLine>>;

public sealed record TeamLine(Guid Id, string Name);

public sealed class ListTeamsHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListTeamsQuery, IReadOnlyList<TeamLine>>
{
    public async ValueTask<IReadOnlyList<TeamLine>> Handle(ListTeamsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamLine(t.Id.Value, t.Name)).ToListAsync(cancellationToken);
    }
}
