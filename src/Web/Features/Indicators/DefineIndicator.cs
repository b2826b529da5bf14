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
public sealed record DefineIndicatorCommand : ICommand<Result<Guid>>
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
}

public sealed class DefineIndicatorValidator : AbstractValidator<DefineIndicatorCommand>
{
    public DefineIndicatorValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("De code is verplicht.")
            .MaximumLength(Indicator.CodeMaxLength).WithMessage($"De code is hooguit {Indicator.CodeMaxLength} tekens.")
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").WithMessage("Een code bestaat uit letters, cijfers, punten, streepjes en liggende streepjes.");
        RuleFor(c => c.Name).NotEmpty().WithMessage("De naam is verplicht.")
            .MaximumLength(IndicatorSpecification.NameMaxLength).WithMessage($"De naam is hooguit {IndicatorSpecification.NameMaxLength} tekens.");
        RuleFor(c => c.Definition).NotEmpty().WithMessage("De definitie is verplicht: wat wordt er precies gemeten?")
            .MaximumLength(IndicatorSpecification.DefinitionMaxLength);
        RuleFor(c => c.Kind).NotNull().WithMessage("Kies de soort indicator.").IsInEnum();
        RuleFor(c => c.Source).NotEmpty().WithMessage("De bron is verplicht.").MaximumLength(IndicatorSpecification.SourceMaxLength);
        RuleFor(c => c.Unit).MaximumLength(IndicatorSpecification.UnitMaxLength);
        RuleFor(c => c.ResponsibleTeamId).NotNull().WithMessage("Kies het team dat de waarde aanlevert.");
        RuleFor(c => c.Decimals).InclusiveBetween(0, 4).WithMessage("Een indicator heeft 0 tot 4 decimalen.");
        RuleFor(c => c.Decimals).Equal(0).When(c => c.Kind is IndicatorKind.Count).WithMessage("Een aantal heeft geen decimalen.");
        RuleFor(c => c.Categories).NotEmpty().When(c => c.Kind == IndicatorKind.Breakdown).WithMessage("Een uitsplitsing heeft ten minste één categorie.")
            .Must(c => c is null || c.Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.Count).WithMessage("Elke categorie staat er één keer in.");
        RuleForEach(c => c.Categories).NotEmpty().MaximumLength(IndicatorSpecification.CategoryMaxLength);
    }
}

public sealed class DefineIndicatorHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<DefineIndicatorCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(DefineIndicatorCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Only a person of a municipality defines indicators.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = Indicator.NormaliseCode(command.Code!);
        if (await db.Indicators.AnyAsync(i => i.Code == code, cancellationToken))
        {
            return CodeTaken(code);
        }

        var team = new TeamId(command.ResponsibleTeamId!.Value);
        if (!await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
        {
            return new Invalid(new Dictionary<string, string[]> { ["responsibleTeamId"] = ["Dit team bestaat niet in deze gemeente."] });
        }

        var kind = command.Kind!.Value;
        var indicator = new Indicator(municipality, code, new IndicatorSpecification
        {
            Name = command.Name!.Trim(),
            Definition = command.Definition!.Trim(),
            Kind = kind,
            Unit = kind == IndicatorKind.Percentage ? "%" : string.IsNullOrWhiteSpace(command.Unit) ? null : command.Unit.Trim(),
            Decimals = kind.IsNumeric() ? command.Decimals : 0,
            Source = command.Source!.Trim(),
            ResponsibleTeamId = team,
            GoodDirection = command.GoodDirection,
            Categories = kind == IndicatorKind.Breakdown ? [.. command.Categories!.Select(c => c.Trim())] : [],
        }, time.GetUtcNow().UtcDateTime);
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
