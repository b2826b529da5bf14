using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>The fields the griffie fills in to register or revise a motion or commitment.</summary>
public abstract record ObligationInput
{
    public string? Reference { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public DateOnly? AdoptedOn { get; init; }

    public string? MeetingBody { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public IReadOnlyList<Guid>? AldermanIds { get; init; }

    /// <summary>The name of one of the municipality's policy areas in use.</summary>
    public string? PolicyArea { get; init; }

    public Cadence? Cadence { get; init; }

    public DateOnly? DueDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public DateOnly? ReportingFrom { get; init; }

    public IReadOnlyList<RequiredIndicatorInput>? Indicators { get; init; }

    /// <summary>
    /// Indicators defined on the spot, created in the same save as the obligation: each is asked for in
    /// <see cref="Indicators"/> under its <see cref="NewIndicatorInput.Key"/>, which stands in for the id it gets.
    /// </summary>
    public IReadOnlyList<NewIndicatorInput>? NewIndicators { get; init; }

    public IReadOnlyList<string>? SubmittingParties { get; init; }
}

public sealed record RequiredIndicatorInput(Guid IndicatorId, string? Label);

/// <summary>An indicator defined while registering, under a key of the client's choosing until it is created.</summary>
public sealed record NewIndicatorInput(Guid Key, Indicators.DefineIndicatorCommand Definition);

/// <summary>Shape rules shared by registering and revising; the obligation itself guards the rest.</summary>
public sealed class ObligationInputValidator : AbstractValidator<ObligationInput>
{
    public ObligationInputValidator()
    {
        RuleFor(o => o.Reference).NotEmpty().WithMessage("Het nummer is verplicht.")
            .MaximumLength(Obligation.ReferenceMaxLength).WithMessage($"Het nummer is hooguit {Obligation.ReferenceMaxLength} tekens.");
        RuleFor(o => o.Title).NotEmpty().WithMessage("De titel is verplicht.")
            .MaximumLength(Obligation.TitleMaxLength).WithMessage($"De titel is hooguit {Obligation.TitleMaxLength} tekens.");
        RuleFor(o => o.Text).NotEmpty().WithMessage("De tekst (dictum of toezegging) is verplicht.")
            .MaximumLength(Obligation.TextMaxLength).WithMessage($"De tekst is hooguit {Obligation.TextMaxLength} tekens.");
        RuleFor(o => o.AdoptedOn).NotNull().WithMessage("De datum van aanneming of toezegging is verplicht.");
        RuleFor(o => o.MeetingBody).NotEmpty().WithMessage("De vergadering is verplicht.")
            .MaximumLength(Meeting.BodyMaxLength).WithMessage($"De vergadering is hooguit {Meeting.BodyMaxLength} tekens.");
        RuleFor(o => o.MeetingDate).NotNull().WithMessage("De vergaderdatum is verplicht.");
        RuleFor(o => o.AldermanIds).NotEmpty().WithMessage("Kies ten minste één verantwoordelijke wethouder.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Een wethouder staat er één keer in.");
        RuleFor(o => o.PolicyArea).NotEmpty().WithMessage("Het beleidsterrein is verplicht.")
            .MaximumLength(Domain.Organisation.PolicyArea.NameMaxLength).WithMessage("Onbekend beleidsterrein.");
        RuleFor(o => o.Cadence).NotNull().WithMessage("De rapportagefrequentie is verplicht.").IsInEnum().WithMessage("Onbekende rapportagefrequentie.");
        RuleFor(o => o.DueDate).NotNull().When(o => o.Cadence == Cadence.Once).WithMessage("Een eenmalige rapportage heeft een uiterste datum.");
        RuleFor(o => o.DueDate).Null().When(o => o.Cadence is { } c && c != Cadence.Once).WithMessage("Een terugkerende rapportage heeft een einddatum, geen uiterste datum.");
        RuleFor(o => o.EndDate).Null().When(o => o.Cadence == Cadence.Once).WithMessage("Een eenmalige rapportage heeft geen einddatum.");
        RuleFor(o => o.DueDate).GreaterThanOrEqualTo(o => o.AdoptedOn).When(o => o.DueDate is not null && o.AdoptedOn is not null)
            .WithMessage("De uiterste datum ligt niet voor de datum van aanneming.");
        RuleFor(o => o.EndDate).GreaterThanOrEqualTo(o => o.AdoptedOn).When(o => o.EndDate is not null && o.AdoptedOn is not null)
            .WithMessage("De einddatum ligt niet voor de datum van aanneming.");
        RuleFor(o => o.ReportingFrom).LessThanOrEqualTo(o => o.EndDate ?? o.DueDate).When(o => o.ReportingFrom is not null && (o.EndDate ?? o.DueDate) is not null)
            .WithMessage("De rapportage begint niet na het einde van de motie of toezegging.");
        RuleFor(o => o.Indicators).NotEmpty().WithMessage("Kies ten minste één indicator of informatie-item.")
            .Must(list => list is null || list.All(i => i is not null)).WithMessage("Elke gekozen indicator heeft een id.")
            .Must(list => list is null || list.Select(i => i?.IndicatorId).Distinct().Count() == list.Count).WithMessage("Een indicator staat er één keer in.");
        RuleForEach(o => o.Indicators).ChildRules(i =>
            i.RuleFor(x => x.Label).MaximumLength(Obligation.LabelMaxLength).WithMessage($"Een label is hooguit {Obligation.LabelMaxLength} tekens."));
        RuleFor(o => o.NewIndicators).Must(list => list is null || list.All(i => i is not null)).WithMessage("Een nieuwe indicator heeft een sleutel en een definitie.")
            .Must(list => list is null || list.Select(i => i?.Key).Distinct().Count() == list.Count).WithMessage("Elke nieuwe indicator heeft een eigen sleutel.")
            .Must(list => list is null || list.Select(i => i?.Definition?.Code?.Trim().ToUpperInvariant()).Distinct().Count() == list.Count).WithMessage("Twee nieuwe indicatoren hebben dezelfde code.");
        RuleForEach(o => o.NewIndicators).Where(n => n is not null).ChildRules(n =>
        {
            n.RuleFor(x => x.Definition).NotNull().WithMessage("Een nieuwe indicator heeft een definitie.");
            n.RuleFor(x => x.Definition).SetValidator(new Indicators.DefineIndicatorValidator()).When(x => x.Definition is not null);
        });
        RuleForEach(o => o.SubmittingParties).NotEmpty().WithMessage("Een partij heeft een naam.")
            .MaximumLength(Obligation.PartyMaxLength).WithMessage($"Een partijnaam is hooguit {Obligation.PartyMaxLength} tekens.");
    }
}

/// <summary>Checks the references in the input against the municipality's data and builds the details.</summary>
internal static class ObligationInputResolver
{
    public static async Task<Result<ObligationDetails>> ResolveAsync(
        GovernanceDbContext db, ObligationInput input, ObligationId? self, MunicipalityId municipality, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var reference = input.Reference!.Trim();
        if (await db.Obligations.AnyAsync(o => o.Reference == reference && (self == null || o.Id != self), cancellationToken))
        {
            errors["reference"] = [$"Er is al een motie of toezegging met nummer {reference}."];
        }

        var aldermanIds = input.AldermanIds!.Select(id => new AldermanId(id)).ToList();
        var knownAldermen = await db.Aldermen.Where(a => aldermanIds.Contains(a.Id)).CountAsync(cancellationToken);
        if (knownAldermen != aldermanIds.Count)
        {
            errors["aldermanIds"] = ["Een gekozen wethouder bestaat niet in deze gemeente."];
        }

        var area = input.PolicyArea!.Trim();
        var current = self is { } obligation ? await db.Obligations.Where(o => o.Id == obligation).Select(o => o.PolicyArea).SingleOrDefaultAsync(cancellationToken) : null;
        if (area != current && !await db.PolicyAreas.AnyAsync(a => a.Name == area && a.RetiredOn == null, cancellationToken))
        {
            errors["policyArea"] = [$"Beleidsterrein '{area}' bestaat niet in deze gemeente of is opgeheven. Kies er een uit de lijst."];
        }

        var created = await DefineNewIndicatorsAsync(db, input, municipality, nowUtc, errors, cancellationToken);
        IndicatorId IdOf(RequiredIndicatorInput i) => created.TryGetValue(i.IndicatorId, out var id) ? id : new IndicatorId(i.IndicatorId);
        var newKeys = (input.NewIndicators ?? []).Select(n => n.Key).ToHashSet();
        var indicatorIds = input.Indicators!.Where(i => !newKeys.Contains(i.IndicatorId)).Select(IdOf).ToList();
        var knownIndicators = await db.Indicators.Where(i => indicatorIds.Contains(i.Id)).CountAsync(cancellationToken);
        if (knownIndicators != indicatorIds.Count && !errors.ContainsKey("indicators"))
        {
            errors["indicators"] = ["Een gekozen indicator bestaat niet in deze gemeente."];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        return new ObligationDetails
        {
            Reference = reference,
            Title = input.Title!,
            Text = input.Text!,
            AdoptedOn = input.AdoptedOn!.Value,
            Meeting = new Meeting(input.MeetingBody!, input.MeetingDate!.Value),
            ResponsibleAldermen = aldermanIds,
            PolicyArea = area,
            Cadence = input.Cadence!.Value,
            DueDate = input.DueDate,
            EndDate = input.EndDate,
            ReportingFrom = input.ReportingFrom,
            RequiredIndicators = [.. input.Indicators!.Select((i, n) => new RequiredIndicator(IdOf(i), n + 1, i.Label))],
            SubmittingParties = input.SubmittingParties ?? [],
        };
    }

    /// <summary>
    /// Adds to the context the indicators defined on the spot that the obligation asks for, each under the id its key stands
    /// in for; a code already taken or a team not in use is an error on "indicators", and nothing is created then.
    /// </summary>
    private static async Task<Dictionary<Guid, IndicatorId>> DefineNewIndicatorsAsync(
        GovernanceDbContext db, ObligationInput input, MunicipalityId municipality, DateTime nowUtc, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var asked = input.Indicators!.Select(i => i.IndicatorId).ToHashSet();
        var wanted = (input.NewIndicators ?? []).Where(n => asked.Contains(n.Key)).ToList();
        var created = new Dictionary<Guid, IndicatorId>();
        if (wanted.Count == 0)
        {
            return created;
        }

        var codes = wanted.Select(n => Indicator.NormaliseCode(n.Definition.Code!)).ToList();
        var taken = await db.Indicators.Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken);
        var problems = taken.Select(code => $"Er is al een indicator met code {code}.").ToList();
        foreach (var n in wanted)
        {
            if (!await Indicators.DefineIndicatorHandler.TeamInUseAsync(db, n.Definition, cancellationToken))
            {
                problems.Add($"Het team van nieuwe indicator {Indicator.NormaliseCode(n.Definition.Code!)} bestaat niet in deze gemeente.");
            }
        }

        if (problems.Count > 0)
        {
            errors["indicators"] = [.. problems];
            return created;
        }

        foreach (var n in wanted)
        {
            var indicator = new Indicator(municipality, Indicator.NormaliseCode(n.Definition.Code!), Indicators.IndicatorFields.Specification(n.Definition), nowUtc);
            db.Indicators.Add(indicator);
            created[n.Key] = indicator.Id;
        }

        return created;
    }
}
