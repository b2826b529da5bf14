using System.Globalization;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;

namespace Governance.Workflows.Letters;

/// <summary>
/// The figures of one indicator as a letter states them, in Dutch: the value of the period, the comparisons
/// with the previous period, the same period last year and the baseline in neutral words ("licht gestegen"),
/// and for a target year the straight trajectory from baseline to target with "op koers" or "achter op
/// schema". A figure that is not available is said to be so, with its reason; it is never a zero.
/// </summary>
public static class LetterFigures
{
    public const int SeriesLength = 8;

    public static CultureInfo Dutch { get; } = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>
    /// The indicator's item in the letter of <paramref name="period"/>; with the indicator's definition
    /// <paramref name="versions"/>, the was/wordt of a definition changed since the figure before.
    /// </summary>
    public static LetterItem Item(IndicatorDefinition definition, ReportingPeriod period, PeriodValue current, IReadOnlyList<PeriodValue> history, int? sourceNote, LetterWording? wording = null,
        IReadOnlyCollection<IndicatorDefinition>? versions = null)
    {
        var item = Figures(definition, period, current, history, sourceNote, wording);
        return versions is null ? item : item with { DefinitionChange = DefinitionChange(definition, period, history, versions) };
    }

    /// <summary>
    /// The was/wordt of a definition that changed since the latest earlier figure: the parts a reader needs (name,
    /// definition, unit, formula), the old beside the new. None when that figure was measured under this definition, or
    /// only its goal or team changed.
    /// </summary>
    public static LetterDefinitionChange? DefinitionChange(IndicatorDefinition definition, ReportingPeriod period, IReadOnlyList<PeriodValue> history, IReadOnlyCollection<IndicatorDefinition> versions)
    {
        var before = history.Where(h => h.Period.CompareTo(period) < 0).OrderBy(h => h.Period).LastOrDefault();
        if (before is null || before.DefinitionVersion == definition.VersionNumber
            || versions.FirstOrDefault(v => v.IndicatorId == definition.IndicatorId && v.VersionNumber == before.DefinitionVersion) is not { } old)
        {
            return null;
        }

        var parts = new List<LetterChangedPart>();
        void Compare(string part, string? was, string? @is)
        {
            if (!string.Equals(was?.Trim(), @is?.Trim(), StringComparison.Ordinal))
            {
                parts.Add(new LetterChangedPart(part, Cell(was), Cell(@is)));
            }
        }

        // Each part is one cell of a Markdown table: on one line, its bars escaped.
        static string Cell(string? text) => string.IsNullOrWhiteSpace(text) ? "–"
            : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace("|", "\\|", StringComparison.Ordinal);

        Compare("Naam", old.Name, definition.Name);
        Compare("Definitie", old.Definition, definition.Definition);
        Compare("Eenheid", UnitOf(old.Kind, old.Unit), UnitOf(definition.Kind, definition.Unit));
        Compare("Categorieën", string.Join(", ", old.Categories), string.Join(", ", definition.Categories));
        Compare("Berekening", old.Formula, definition.Formula);
        return parts.Count == 0 ? null : new LetterDefinitionChange(The(before.Period), The(period), parts);
    }

    private static LetterItem Figures(IndicatorDefinition definition, ReportingPeriod period, PeriodValue current, IReadOnlyList<PeriodValue> history, int? sourceNote, LetterWording? wording)
    {
        var value = current.Value;
        // Separate measures have no one figure to draw or compare: their table shows each of them.
        var numeric = definition.Kind.IsNumeric() || (definition.Kind == IndicatorKind.Breakdown && definition.Nature != BreakdownNature.Separate);
        var notation = Notation.Of(definition);
        var series = numeric
            ? history.Where(h => h.Period.CompareTo(period) < 0).Append(current).TakeLast(SeriesLength)
                .Select(h => new LetterPoint(h.Period.Display(Dutch), h.Value.IsNotAvailable ? null : h.Value.FigureFor(definition) / notation.Divisor, h.Period.End)).ToList()
            : [];
        var item = new LetterItem
        {
            Name = definition.Name,
            Definition = definition.Definition,
            Kind = KindWord(definition.Kind),
            Nature = definition.Kind == IndicatorKind.Breakdown ? NatureWord(definition.Nature) : null,
            Unit = definition.Unit,
            Available = !value.IsNotAvailable,
            NotAvailableReason = value.NotAvailableReason,
            Explanation = current.Explanation,
            Source = current.Source ?? definition.Source,
            SourceNote = sourceNote,
            IsNumeric = numeric,
            Series = series,
            BaselineValue = definition.Baseline?.Value / notation.Divisor,
            TargetValue = definition.Target?.Value / notation.Divisor,
            BaselineAt = definition.Baseline?.MeasuredOn,
            TargetAt = definition.Target is { } end ? new DateOnly(end.Year, 12, 31) : null,
            Caveat = definition.Caveat,
            Decimals = notation.Decimals,
            FormattedUnit = notation.Unit,
            Baseline = definition.Baseline is { } b ? $"De nulmeting was {Measure(definition, b.Value)} ({b.MeasuredOn.ToString("d MMMM yyyy", Dutch)})." : null,
            Target = definition.Target is { } t ? $"De streefwaarde is {Measure(definition, t.Value)} in {t.Year.ToString(CultureInfo.InvariantCulture)}." : null,
        };
        if (value.IsNotAvailable)
        {
            return item;
        }

        if (definition.Kind == IndicatorKind.Narrative)
        {
            return item with { Text = value.Text };
        }

        if (value.Breakdown is { } parts && definition.Nature == BreakdownNature.Separate)
        {
            return Separate(definition, period, parts, history, item);
        }

        if (value.FigureFor(definition) is not { } figure)
        {
            return item;
        }

        var comparisons = Comparisons(definition, period, figure, history, wording);
        item = item with
        {
            Value = Measure(definition, figure),
            Comparisons = comparisons.List,
            ComparisonNote = comparisons.Note,
            IsNulmeting = comparisons.IsNulmeting,
            Trajectory = Trajectory(definition, period, figure),
        };
        return value.Breakdown switch
        {
            { } whole when definition.Nature == BreakdownNature.Parts => item with
            {
                Breakdown = [.. whole.Select(c => new LetterCategory(c.Category, Measure(definition, c.Value), Share: figure == 0 ? null : Measure(c.Value / figure * 100m, 1, "%")))],
            },
            { } budget when definition.Nature == BreakdownNature.Budget => item with
            {
                Breakdown = [.. budget.Select(c => new LetterCategory(c.Category, Measure(definition, c.Value)))],
                Budget = Budget(definition, budget[0].Value, budget[2].Value),
            },
            _ => item,
        };
    }

    /// <summary>
    /// Separate measures side by side, each compared with the same earlier period the figures are compared with (the
    /// previous one, else the latest of the same length); they are never added up.
    /// </summary>
    private static LetterItem Separate(IndicatorDefinition definition, ReportingPeriod period, IReadOnlyList<CategoryValue> parts, IReadOnlyList<PeriodValue> history, LetterItem item)
    {
        var earlier = Earlier(history, period, h => h.Value.Breakdown is not null);
        var (against, note) = Reference(period, earlier);
        var before = against?.Value.Breakdown?.ToDictionary(c => c.Category, c => c.Value, StringComparer.OrdinalIgnoreCase) ?? [];
        return item with
        {
            BreakdownAgainst = against?.Period.Display(Dutch),
            ComparisonNote = note ?? (against is null && earlier.Count > 0 ? OtherLengths(period, earlier) : null),
            IsNulmeting = earlier.Count == 0,
            Breakdown = [.. parts.Select(c => before.TryGetValue(c.Category, out var then)
                ? new LetterCategory(c.Category, Measure(definition, c.Value), Before: Measure(definition, then), Change: Change(TrendPhrase.Describe(IndicatorKind.Count, c.Value, then), then == 0))
                : new LetterCategory(c.Category, Measure(definition, c.Value)))],
        };
    }

    /// <summary>
    /// The benchmark beside a figure: its value in the same period and its own change since the period the figures are
    /// compared with (the previous one, else the latest of the same length), so the reader sees both moves side by side.
    /// </summary>
    public static LetterBenchmark Benchmark(IndicatorDefinition definition, ReportingPeriod period, IReadOnlyList<PeriodValue> history, string source, LetterWording? wording = null)
    {
        if (history.For(period) is not { } current || current.Value.FigureFor(definition) is not { } figure)
        {
            var reason = history.For(period)?.Value.NotAvailableReason ?? "er is nog geen cijfer over deze periode";
            return new LetterBenchmark(definition.Name, null, reason, null, null, null, source);
        }

        var (against, _) = Reference(period, Earlier(history, period, h => h.Value.FigureFor(definition) is not null));
        if (against is null)
        {
            return new LetterBenchmark(definition.Name, Measure(definition, figure), null, null, null, null, source);
        }

        var comparison = Compare(definition, Against(against.Period), figure, against.Value.FigureFor(definition)!.Value, wording);
        return new LetterBenchmark(definition.Name, Measure(definition, figure), null, comparison.Against, comparison.Phrase, comparison.Change, source);
    }

    /// <summary>
    /// The expected exhaustion against the budget: over is a tegenvaller, under a meevaller, in euros and as a share of the
    /// budget. A difference below a tenth of a per cent is no meevaller or tegenvaller: the exhaustion is "vrijwel gelijk"
    /// to the budget, and its share is said as "minder dan 0,1 %" rather than a misleading "0,0 %".
    /// </summary>
    public static LetterBudget Budget(IndicatorDefinition definition, decimal budgeted, decimal expected)
    {
        var difference = expected - budgeted;
        var ratio = budgeted == 0 ? (decimal?)null : Math.Abs(difference) / Math.Abs(budgeted) * 100m;
        var negligible = difference != 0 && ratio is < 0.05m;
        var share = ratio is not { } r ? null : negligible ? $"minder dan 0,1{Space}%" : Measure(r, 1, "%");
        return difference switch
        {
            > 0 => new LetterBudget(Measure(definition, difference), share, "overschrijding", negligible ? null : "tegenvaller"),
            < 0 => new LetterBudget(Measure(definition, -difference), share, "onderschrijding", negligible ? null : "meevaller"),
            _ => new LetterBudget(Measure(definition, 0), share, null, null),
        };
    }

    /// <summary>Why figures over periods of another length are not compared: "Eerdere cijfers gaan over hele jaren; …".</summary>
    public static string OtherLengths(ReportingPeriod period, IReadOnlyList<PeriodValue> earlier)
    {
        var lengths = earlier.Select(h => h.Period.Kind).Where(k => k != period.Kind).Distinct().Order().Select(k => k switch
        {
            PeriodKind.Quarter => "kwartalen",
            PeriodKind.HalfYear => "halve jaren",
            PeriodKind.Year => "hele jaren",
            _ => "peildata",
        }).ToList();
        var list = lengths.Count == 1 ? lengths[0] : string.Join(", ", lengths[..^1]) + " en " + lengths[^1];
        return $"Eerdere cijfers gaan over {list}; ze zijn niet vergeleken met de cijfers over {The(period)}.";
    }

    /// <summary>The earlier periods with a figure, oldest first.</summary>
    private static List<PeriodValue> Earlier(IReadOnlyList<PeriodValue> history, ReportingPeriod period, Func<PeriodValue, bool> hasFigure) =>
        [.. history.Where(h => h.Period.CompareTo(period) < 0 && h.Period != period && !h.Value.IsNotAvailable && hasFigure(h)).OrderBy(h => h.Period)];

    /// <summary>The previous period, else the latest earlier one of the same length with the note that says why; none when there is neither.</summary>
    private static (PeriodValue? Against, string? Note) Reference(ReportingPeriod period, List<PeriodValue> earlier)
    {
        var previous = period.Previous();
        if (previous is not null && earlier.For(previous) is { } before)
        {
            return (before, null);
        }

        var sameLength = earlier.LastOrDefault(h => h.Period.Kind == period.Kind);
        return sameLength is null ? (null, null)
            : (sameLength, previous is { } missing ? $"Over {The(missing)} is geen cijfer beschikbaar; daarom is vergeleken met {Against(sameLength.Period)}." : null);
    }

    /// <summary>
    /// What the period's figure is compared with, each once: the previous period, else the latest earlier period of the
    /// same length with a figure (and a note that says why); the same period a year before; and the nulmeting: the
    /// definition's baseline, else the indicator's first figure over a period of the same length (a half year's count is not
    /// compared with a year's). The first such figure is itself the nulmeting; a missing previous period is explained in the
    /// note, so a letter never promises a comparison it does not make.
    /// </summary>
    public static LetterComparisons Comparisons(IndicatorDefinition definition, ReportingPeriod period, decimal current, IReadOnlyList<PeriodValue> history, LetterWording? wording = null)
    {
        var earlier = Earlier(history, period, h => h.Value.FigureFor(definition) is not null);
        var comparisons = new List<LetterComparison>();
        var compared = new HashSet<ReportingPeriod>();
        var (against, note) = Reference(period, earlier);
        if (against is not null)
        {
            comparisons.Add(Compare(definition, Against(against.Period), current, against.Value.FigureFor(definition)!.Value, wording));
            compared.Add(against.Period);
        }

        var lastYear = period.SamePeriodLastYear();
        if (!compared.Contains(lastYear) && earlier.For(lastYear) is { } yearBefore)
        {
            comparisons.Add(Compare(definition, Against(yearBefore.Period), current, yearBefore.Value.FigureFor(definition)!.Value, wording));
            compared.Add(lastYear);
        }

        var first = false;
        if (definition.Baseline is { } baseline)
        {
            comparisons.Add(Compare(definition, "de nulmeting van " + baseline.MeasuredOn.ToString("d MMMM yyyy", Dutch), current, baseline.Value, wording));
        }
        else if (earlier.FirstOrDefault(h => h.Period.Kind == period.Kind) is { } nulmeting)
        {
            if (!compared.Contains(nulmeting.Period))
            {
                comparisons.Add(Compare(definition, "de nulmeting " + In(nulmeting.Period), current, nulmeting.Value.FigureFor(definition)!.Value, wording));
            }
        }
        else if (earlier.Count == 0)
        {
            first = true;
        }
        else
        {
            note = OtherLengths(period, earlier);
        }

        return new LetterComparisons(comparisons, note, first);
    }

    public static LetterComparison Compare(IndicatorDefinition definition, string against, decimal current, decimal then, LetterWording? wording = null)
    {
        var kind = definition.Kind == IndicatorKind.Breakdown ? IndicatorKind.Count : definition.Kind;
        var trend = TrendPhrase.Describe(kind, current, then, wording?.Relative, wording?.Points);
        return new LetterComparison(against, Measure(definition, then), trend.Dutch, Change(trend, then == 0));
    }

    /// <summary>
    /// Where the straight line from the baseline (at the end of the year it was measured in) to the target (at the end of
    /// the target year) stands at the end of the period, and whether the figure is there or better.
    /// </summary>
    public static LetterTrajectory? Trajectory(IndicatorDefinition definition, ReportingPeriod period, decimal current)
    {
        // Years are counted as a motion counts them: the nulmeting stands for its year and the target for its own, so
        // 9,2 % in 2021 to 4,6 % in 2030 puts 2025 four ninths along (7,16 %) and the 1st half of 2025 three and a half.
        if (definition.Baseline is not { } baseline || definition.Target is not { } target || target.Year <= baseline.MeasuredOn.Year)
        {
            return null;
        }

        var along = YearsAfter(baseline.MeasuredOn.Year, period.End);
        if (along <= 0)
        {
            return null;
        }

        var share = Math.Min(1m, along / (target.Year - baseline.MeasuredOn.Year));
        // A point on the line is shown one decimal finer than the figures, so that a year's step is visible.
        var expected = decimal.Round(baseline.Value + (target.Value - baseline.Value) * share, definition.Decimals + 1, MidpointRounding.AwayFromZero);
        var towardsLower = definition.GoodDirection == GoodDirection.Down || (definition.GoodDirection == GoodDirection.Neutral && target.Value < baseline.Value);
        var onTrack = towardsLower ? current <= expected : current >= expected;
        var notation = Notation.Of(definition);
        return new LetterTrajectory(Measure(expected / notation.Divisor, notation.Decimals + 1, notation.Unit), onTrack, onTrack ? "op koers" : "achter op schema", target.Year);
    }

    /// <summary>How many years <paramref name="date"/> lies after the end of <paramref name="year"/>: the end of the next year is 1, its middle about 0,5.</summary>
    private static decimal YearsAfter(int year, DateOnly date) =>
        date.Year - 1 - year + (decimal)date.DayOfYear / (DateTime.IsLeapYear(date.Year) ? 366 : 365);

    /// <summary>A figure in Dutch notation with its unit: "2.834", "93,9 %", "€ 5.210.000", "€ 126,57 miljoen", "12 weken".</summary>
    public static string Measure(IndicatorDefinition definition, decimal value)
    {
        var notation = Notation.Of(definition);
        return Measure(value / notation.Divisor, notation.Decimals, notation.Unit);
    }

    /// <summary>A figure in the definition's notation without its unit: "2.660" of "2.660 besluiten".</summary>
    public static string Number(IndicatorDefinition definition, decimal value)
    {
        var notation = Notation.Of(definition);
        return Measure(value / notation.Divisor, notation.Decimals, null);
    }

    /// <summary>
    /// A derived figure's parts in words: a share as "2.660 van de 2.834 besluiten" (amounts with their euro signs), any
    /// other formula as its computation, "Begroot (€ 5.210.000) min Resultaat (€ 120.000)": names as the catalogue writes them. None when an input has no figure.
    /// </summary>
    /// <param name="formula">The derived indicator's formula.</param>
    /// <param name="input">An input's definition, name and figure in the period.</param>
    public static (string Text, bool IsShare)? Derivation(IndicatorFormula formula, Func<FormulaInput, (IndicatorDefinition Definition, string Name, decimal? Figure)?> input)
    {
        var inputs = formula.Inputs.ToDictionary(i => i, input);
        if (inputs.Values.Any(i => i?.Figure is null))
        {
            return null;
        }

        if (formula.Share is var (part, whole))
        {
            var (partOf, _, partFigure) = inputs[part]!.Value;
            var (wholeOf, _, wholeFigure) = inputs[whole]!.Value;
            var first = partOf.IsInEuros ? Measure(partOf, partFigure!.Value) : Number(partOf, partFigure!.Value);
            return ($"{first} van de {Measure(wholeOf, wholeFigure!.Value)}", true);
        }

        var text = formula.Describe(
            i => inputs[i] is var (definition, name, figure) ? $"{name} ({Measure(definition, figure!.Value)})" : i.ToString(),
            n => n.ToString(Dutch));
        return (text, false);
    }

    /// <summary>The space between a number and its unit: it never breaks, so "€ 1.234" and "12,5 %" stay on one line.</summary>
    public const char Space = '\u00a0';

    /// <summary>A number with the unit as <see cref="UnitOf"/> gives it: "%" and "EUR" are written the Dutch way, joined by a no-break space.</summary>
    public static string Measure(decimal value, int decimals, string? unit)
    {
        var number = value.ToString("N" + decimals, Dutch).Replace('-', '\u2212');
        return unit switch
        {
            "%" => $"{number}{Space}%",
            "EUR" => $"€{Space}{number}",
            Millions => $"€{Space}{number}{Space}miljoen",
            null or "" => number,
            _ => $"{number}{Space}{unit}",
        };
    }

    /// <summary>The unit <see cref="Measure(decimal, int, string?)"/> writes as "€ 126,57 miljoen".</summary>
    public const string Millions = "EUR miljoen";

    /// <summary>How a definition's figures are written: divided by a million with two decimals when it asks for millions.</summary>
    private sealed record Notation(decimal Divisor, int Decimals, string? Unit)
    {
        public static Notation Of(IndicatorDefinition definition)
        {
            if (definition.InMillions && definition.IsInEuros)
            {
                return new Notation(1_000_000m, 2, Millions);
            }

            var kind = definition.Kind == IndicatorKind.Breakdown ? (definition.IsInEuros ? IndicatorKind.Amount : IndicatorKind.Count) : definition.Kind;
            return new Notation(1m, definition.Decimals, UnitOf(kind, definition.Unit));
        }
    }

    /// <summary>The unit a figure is written with: "%" for percentages, "EUR" for amounts, else the indicator's own.</summary>
    public static string? UnitOf(IndicatorKind kind, string? unit) => kind switch
    {
        IndicatorKind.Percentage => "%",
        IndicatorKind.Amount => "EUR",
        _ => string.IsNullOrWhiteSpace(unit) ? null : unit,
    };

    /// <summary>"+1,0 procentpunt", "-3,0 %"; from zero there is no relative change to state.</summary>
    public static string Change(TrendPhrase trend, bool fromZero)
    {
        if (trend.InPercentagePoints)
        {
            var points = Math.Abs(trend.Change);
            return $"{Sign(trend.Change)}{points.ToString("N1", Dutch)}{Space}{(points <= 1 ? "procentpunt" : "procentpunten")}";
        }

        return fromZero ? "van nul" : $"{Sign(trend.Change)}{Math.Abs(trend.Change).ToString("N1", Dutch)}{Space}%";
    }

    /// <summary>The sign of a change; a decrease with the real minus sign (U+2212), not a hyphen.</summary>
    private static string Sign(decimal change) => change > 0 ? "+" : change < 0 ? "\u2212" : "";

    /// <summary>"het 2e kwartaal 2025", "2025", "5 maart 2024".</summary>
    public static string The(ReportingPeriod period) => period.Kind is PeriodKind.Quarter or PeriodKind.HalfYear ? "het " + period.Display(Dutch) : period.Display(Dutch);

    /// <summary>"in het 2e kwartaal 2025", "in 2025", "op 5 maart 2024".</summary>
    public static string In(ReportingPeriod period) => period.Kind switch
    {
        PeriodKind.Date => "op " + period.Display(Dutch),
        PeriodKind.Year => "in " + period.Display(Dutch),
        _ => "in het " + period.Display(Dutch),
    };

    private static string Against(ReportingPeriod period) => period.Kind switch
    {
        PeriodKind.Year => period.Display(Dutch),
        PeriodKind.Date => period.Display(Dutch),
        _ => "het " + period.Display(Dutch),
    };

    private static string NatureWord(BreakdownNature nature) => nature switch
    {
        BreakdownNature.Parts => "geheel",
        BreakdownNature.Budget => "budget",
        _ => "afzonderlijk",
    };

    private static string KindWord(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "aantal",
        IndicatorKind.Percentage => "percentage",
        IndicatorKind.Amount => "bedrag",
        IndicatorKind.Duration => "duur",
        IndicatorKind.Narrative => "tekst",
        IndicatorKind.Breakdown => "verdeling",
    };
}

/// <summary>The comparisons of a figure; <c>Note</c> says why an expected one is missing; <c>IsNulmeting</c>: this is the indicator's first figure.</summary>
public sealed record LetterComparisons(IReadOnlyList<LetterComparison> List, string? Note, bool IsNulmeting);

/// <summary>The municipality's bounds between the trend words, so its letters read like its own monitor.</summary>
public sealed record LetterWording(TrendThresholds Relative, TrendThresholds Points);
