using System.Globalization;
using Governance.Domain.Indicators;
using Governance.Web.Components.Shared;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Microsoft.Extensions.Localization;

namespace Governance.Web.Features.Tasks;

/// <summary>
/// What a person has typed for one task's value, before it is sent: filled from the stored value, read back as the
/// command the rule set checks. The form's fields bind to it; the page sends what <see cref="Build"/> makes of it.
/// </summary>
public sealed class ValueDraft
{
    public bool NotAvailable { get; set; }

    public string? Number { get; set; }

    public string? Text { get; set; }

    public string? Reason { get; set; }

    public string? Explanation { get; set; }

    public string? Source { get; set; }

    public Dictionary<string, string?> Categories { get; private set; } = [];

    /// <summary>Puts a stored value (or nothing) in the draft; the indicator's own source when the value names none.</summary>
    public void Fill(EnteredValue? value, IndicatorFacts indicator)
    {
        NotAvailable = value?.Value.IsNotAvailable == true;
        Reason = value?.Value.NotAvailableReason;
        Text = value?.Value.Text;
        Number = value?.Value.Number is { } n ? Plain(n) : null;
        Categories = indicator.Categories.ToDictionary(c => c, c => value?.Value.Breakdown?.FirstOrDefault(b => b.Category == c) is { } b ? Plain(b.Value) : null);
        Explanation = value?.Explanation;
        Source = value?.Source ?? indicator.Source;
    }

    /// <summary>
    /// Whether the large-change rule will ask for an explanation of what is typed now, compared with the value
    /// <see cref="TaskEntry.PreviousPeriod"/> (the latest earlier one) the form shows.
    /// </summary>
    public bool NeedsExplanation(TaskEntry entry) =>
        !NotAvailable && string.IsNullOrWhiteSpace(Explanation)
        && entry.Rules.NeedsExplanation(entry.Indicator.Kind, FigureOf(entry.Indicator, entry.PreviousPeriod?.Value), Total(entry.Indicator));

    /// <summary>The command for what is typed, or null with the fields' errors set in <paramref name="errors"/> (nothing is sent).</summary>
    public RecordIndicatorValueCommand? Build(TaskEntry entry, ValueIntent intent, CurrentUser user, FieldErrors errors, IStringLocalizer l)
    {
        errors.ClearAll();
        var command = new RecordIndicatorValueCommand
        {
            CycleId = entry.CycleId,
            TaskId = entry.TaskId,
            Intent = intent,
            Explanation = Blank(Explanation),
            Source = Blank(Source),
            Version = entry.CycleVersion,
            RecordedBy = user.DisplayName,
            ActingTeamId = user.TeamId?.Value,
        };
        if (NotAvailable)
        {
            if (string.IsNullOrWhiteSpace(Reason))
            {
                errors.Set("reason", l["Tasks.ReasonRequired"]);
                return null;
            }

            return command with { NotAvailableReason = Reason.Trim(), Intent = ValueIntent.Submit };
        }

        switch (entry.Indicator.Kind)
        {
            case IndicatorKind.Narrative:
                if (string.IsNullOrWhiteSpace(Text))
                {
                    errors.Set("value", l["Tasks.TextRequired"]);
                    return null;
                }

                return command with { Text = Text.Trim() };
            case IndicatorKind.Breakdown:
                var values = new List<CategoryValue>();
                foreach (var category in entry.Indicator.Categories)
                {
                    var parsed = NumberNotation.Parse(Categories.GetValueOrDefault(category), CultureInfo.CurrentCulture);
                    if (parsed.Succeeded)
                    {
                        values.Add(new CategoryValue(category, parsed.Value));
                    }
                    else
                    {
                        errors.Set(category, parsed.Error.Message);
                    }
                }

                return errors.IsEmpty ? command with { Breakdown = values } : null;
            default:
                var number = NumberNotation.Parse(Number, CultureInfo.CurrentCulture);
                if (!number.Succeeded)
                {
                    errors.Set("value", number.Error.Message);
                    return null;
                }

                return command with { Number = number.Value };
        }
    }

    /// <summary>The one figure of a value: the number, the total of parts of a whole, a budget's expected exhaustion; none for separate measures.</summary>
    public static decimal? FigureOf(IndicatorFacts indicator, IndicatorValue? value) =>
        value?.Number ?? (value?.Breakdown is { } parts ? IndicatorValue.Figure(indicator.Nature, [.. parts.Select(p => p.Value)]) : null);

    private decimal? Total(IndicatorFacts indicator)
    {
        if (indicator.Kind == IndicatorKind.Breakdown)
        {
            var parts = Categories.Values.Select(v => NumberNotation.Parse(v, CultureInfo.CurrentCulture)).ToList();
            return parts.All(p => p.Succeeded) ? IndicatorValue.Figure(indicator.Nature, [.. parts.Select(p => p.Value)]) : null;
        }

        var parsed = NumberNotation.Parse(Number, CultureInfo.CurrentCulture);
        return parsed.Succeeded ? parsed.Value : null;
    }

    private static string Plain(decimal value) => value.ToString("#,##0.############", CultureInfo.CurrentCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
