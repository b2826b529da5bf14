using Governance.Domain.Indicators;
using Governance.Web.Components.Shared;
using Governance.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Governance.Web.Features.Tasks;

/// <summary>How the task page writes one indicator's values and measures: its kind, unit and decimals.</summary>
public sealed class IndicatorWriting(IndicatorFacts indicator, IStringLocalizer<SharedResource> l)
{
    public string Show(IndicatorValue? value) => value is null
        ? "–"
        : Format.Value(value, indicator.Kind, indicator.Unit, indicator.Decimals, l["Value.NotAvailable", value.NotAvailableReason ?? ""]);

    public string Measure(decimal value) =>
        Format.Measure(value, indicator.Kind == IndicatorKind.Breakdown ? IndicatorKind.Count : indicator.Kind, indicator.Unit, indicator.Decimals);

    /// <summary>"Aantal (woningen) · 0 decimalen".</summary>
    public string Unit() =>
        $"{l[$"IndicatorKind.{indicator.Kind}"]}{(string.IsNullOrEmpty(indicator.Unit) ? "" : $" ({indicator.Unit})")}" +
        (indicator.Kind.IsNumeric() ? $" · {l.Plural("Tasks.Decimals", indicator.Decimals)}" : "");

    /// <summary>The sign behind the number field: %, € or the unit.</summary>
    public string Suffix() => indicator.Kind switch
    {
        IndicatorKind.Percentage => "%",
        IndicatorKind.Amount => "€",
        _ => indicator.Unit == "EUR" ? "€" : indicator.Unit ?? "",
    };

    /// <summary>A value as the command carries it, for the conflict notice ("what you wanted to save").</summary>
    public string Show(Workflows.ReportingCycles.RecordIndicatorValueCommand command) =>
        command.NotAvailableReason is { } reason ? l["Value.NotAvailable", reason]
        : command.Number is { } n ? Measure(n)
        : command.Breakdown is { } breakdown ? string.Join("; ", breakdown.Select(b => $"{b.Category}: {Format.Number(b.Value, indicator.Decimals)}"))
        : command.Text ?? "";
}
