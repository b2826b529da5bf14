using FluentValidation;
using Governance.Domain.Indicators;
using Governance.Domain.Organisation;

namespace Governance.Web.Features.Indicators;

/// <summary>What an indicator's definition holds, as a person fills it in: when it is defined and when it is revised.</summary>
public interface IIndicatorFields
{
    string? Name { get; }

    string? Definition { get; }

    IndicatorKind? Kind { get; }

    string? Unit { get; }

    int Decimals { get; }

    string? Source { get; }

    Guid? ResponsibleTeamId { get; }

    GoodDirection GoodDirection { get; }

    IReadOnlyList<string>? Categories { get; }

    /// <summary>What the categories of a breakdown are to each other: separate measures, parts of a whole, or a budget line.</summary>
    BreakdownNature Nature { get; }

    /// <summary>Letters write the amounts in millions ("€ 126,57 miljoen").</summary>
    bool InMillions { get; }

    /// <summary>For a derived indicator: how it is computed from others, "[WMO-BINNEN-8-WEKEN] / [WMO-BESLUITEN] * 100".</summary>
    string? Formula { get; }

    /// <summary>The code of the indicator with the same measure elsewhere (nationally), set beside it in letters.</summary>
    string? Benchmark { get; }

    /// <summary>What readers should know about the figures' quality or comparability.</summary>
    string? Caveat { get; }

    /// <summary>The nulmeting: its value and the day it was measured (both or neither).</summary>
    decimal? BaselineValue { get; }

    DateOnly? BaselineMeasuredOn { get; }

    /// <summary>The streefwaarde: its value and the year it is to be reached (both or neither).</summary>
    decimal? TargetValue { get; }

    int? TargetYear { get; }
}

public sealed class IndicatorFieldsValidator<T> : AbstractValidator<T>
    where T : IIndicatorFields
{
    public IndicatorFieldsValidator()
    {
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
        RuleFor(c => c.Nature).IsInEnum().WithMessage("Kies wat de categorieën van elkaar zijn.")
            .Equal(BreakdownNature.Separate).When(c => c.Kind != IndicatorKind.Breakdown).WithMessage("Alleen een uitsplitsing heeft categorieën die samen een geheel of een budget vormen.");
        RuleFor(c => c.Categories).Must(c => c is { Count: 3 }).When(c => c.Kind == IndicatorKind.Breakdown && c.Nature == BreakdownNature.Budget)
            .WithMessage("Een budgetregel heeft drie categorieën, in deze volgorde: begroot, gerealiseerd en verwachte uitputting.");
        RuleFor(c => c.Unit).Must(u => u?.Trim() == "EUR").When(c => c.Kind == IndicatorKind.Breakdown && c.Nature == BreakdownNature.Budget)
            .WithMessage("Een budgetregel is in euro's: vul als eenheid EUR in.");
        RuleFor(c => c.InMillions).Equal(false).When(c => c.Kind is not { } kind || !kind.IsInEuros(c.Unit))
            .WithMessage("Alleen bedragen in euro's kunnen in miljoenen worden geschreven.");
        RuleFor(c => c.BaselineMeasuredOn).NotNull().When(c => c.BaselineValue is not null).WithMessage("Vul ook de datum van de nulmeting in.");
        RuleFor(c => c.BaselineValue).NotNull().When(c => c.BaselineMeasuredOn is not null).WithMessage("Vul ook de waarde van de nulmeting in.");
        RuleFor(c => c.TargetYear).NotNull().When(c => c.TargetValue is not null).WithMessage("Vul ook het jaar in waarin de streefwaarde bereikt moet zijn.")
            .InclusiveBetween(2000, 2100).WithMessage("Het streefjaar ligt tussen 2000 en 2100.");
        RuleFor(c => c.TargetValue).NotNull().When(c => c.TargetYear is not null).WithMessage("Vul ook de streefwaarde in.");
        RuleFor(c => c.BaselineValue).Null().When(c => c.Kind is { } k && !k.IsNumeric()).WithMessage("Alleen een getal heeft een nulmeting.");
        RuleFor(c => c.TargetValue).Null().When(c => c.Kind is { } k && !k.IsNumeric()).WithMessage("Alleen een getal heeft een streefwaarde.");
        RuleFor(c => c.Formula).Must((_, formula, context) =>
            {
                var parsed = IndicatorFormula.Parse(formula);
                if (!parsed.Succeeded)
                {
                    context.MessageFormatter.AppendArgument("Problem", parsed.Error.Message);
                }

                return parsed.Succeeded;
            })
            .When(c => !string.IsNullOrWhiteSpace(c.Formula)).WithMessage("{Problem}");
        RuleFor(c => c.Caveat).MaximumLength(IndicatorSpecification.CaveatMaxLength).WithMessage($"Een kanttekening is hooguit {IndicatorSpecification.CaveatMaxLength} tekens.");
        RuleFor(c => c.Benchmark).MaximumLength(Indicator.CodeMaxLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(c => !string.IsNullOrWhiteSpace(c.Benchmark)).WithMessage("Vul de code van een indicator in, zoals JH-AANDEEL-NL.")
            .Empty().When(c => c.Kind is { } k && !k.IsNumeric()).WithMessage("Alleen een getal kan naast een landelijk of ander cijfer worden gezet.");
        RuleFor(c => c.Formula).Empty().When(c => c.Kind is { } k && !k.IsNumeric())
            .WithMessage("Alleen een getal (aantal, percentage, bedrag of duur) kan met een formule worden berekend.");
    }
}

internal static class IndicatorFields
{
    /// <summary>The specification the fields describe (after validation).</summary>
    public static IndicatorSpecification Specification(IIndicatorFields fields)
    {
        var kind = fields.Kind!.Value;
        return new IndicatorSpecification
        {
            Name = fields.Name!.Trim(),
            Definition = fields.Definition!.Trim(),
            Kind = kind,
            Unit = kind == IndicatorKind.Percentage ? "%" : string.IsNullOrWhiteSpace(fields.Unit) ? null : fields.Unit.Trim(),
            Decimals = kind.IsNumeric() ? fields.Decimals : 0,
            Source = fields.Source!.Trim(),
            ResponsibleTeamId = new TeamId(fields.ResponsibleTeamId!.Value),
            GoodDirection = fields.GoodDirection,
            Baseline = fields.BaselineValue is { } baseline && fields.BaselineMeasuredOn is { } on ? new Baseline(baseline, on) : null,
            Target = fields.TargetValue is { } target && fields.TargetYear is { } year ? new Target(target, year) : null,
            Categories = kind == IndicatorKind.Breakdown ? [.. fields.Categories!.Select(c => c.Trim())] : [],
            Nature = kind == IndicatorKind.Breakdown ? fields.Nature : BreakdownNature.Separate,
            InMillions = fields.InMillions,
            Formula = kind.IsNumeric() && !string.IsNullOrWhiteSpace(fields.Formula) ? IndicatorFormula.Parse(fields.Formula).Value.Text : null,
            Benchmark = kind.IsNumeric() && !string.IsNullOrWhiteSpace(fields.Benchmark) ? Indicator.NormaliseCode(fields.Benchmark) : null,
            Caveat = string.IsNullOrWhiteSpace(fields.Caveat) ? null : fields.Caveat.Trim(),
        };
    }
}
