namespace Governance.Workflows.Letters;

/// <summary>
/// What a letter template sees, and the snapshot of figures stored with each version (its charts and
/// indicator table are drawn from it, so every output is reproducible from the version alone). Every
/// figure is already in Dutch notation; templates never format numbers themselves. In a template the
/// names are snake_case: <c>{{ obligation.title }}</c>, <c>{% for item in items %}</c>.
/// </summary>
public sealed record LetterModel
{
    public required string Municipality { get; init; }

    public required string Subject { get; init; }

    public required string HandledBy { get; init; }

    public string? Phone { get; init; }

    /// <summary>The e-mail address for questions: the team's letter contact, else the municipality's.</summary>
    public string? Email { get; init; }

    /// <summary>The municipality's block before the signature (Markdown): where to find more figures.</summary>
    public string? Links { get; init; }

    public required LetterObligation Obligation { get; init; }

    /// <summary>"2e kwartaal 2025".</summary>
    public required string Period { get; init; }

    /// <summary>"het 2e kwartaal 2025", "2025": the period after a preposition ("de cijfers over het 2e kwartaal 2025").</summary>
    public required string ThePeriod { get; init; }

    /// <summary>"in het 2e kwartaal 2025", "in 2025", "op 18 december 2026".</summary>
    public required string InPeriod { get; init; }

    /// <summary>The period ended before the letter was composed: its figures are told in the past tense ("was"), else in the present ("is").</summary>
    public bool PeriodIsPast { get; init; } = true;

    public required string PeriodCode { get; init; }

    public required IReadOnlyList<LetterAlderman> Aldermen { get; init; }

    public required IReadOnlyList<LetterItem> Items { get; init; }

    /// <summary>A note on the comparisons that holds for every figure, said once after the introduction instead of with each.</summary>
    public string? ComparisonNote { get; init; }

    /// <summary>The sources, numbered as the footnotes of the items refer to them.</summary>
    public required IReadOnlyList<LetterSource> Sources { get; init; }

    /// <summary>What comes after this letter (the Vervolg): the next report, or that this was the last one.</summary>
    public LetterFollowUp? Next { get; init; }
}

/// <summary>
/// The next report: <c>ThePeriod</c> "het 2e kwartaal 2026", "2026"; <c>When</c> "bij de 1e berap 2027 (juli 2027)", "in februari 2027"
/// (none when the P&amp;C calendar does not reach that far). <c>Last</c>: no report follows, the obligation can be closed.
/// </summary>
public sealed record LetterFollowUp(bool Last, string? ThePeriod = null, string? When = null);

/// <summary>
/// The obligation the letter reports on: Kind "motie" or "toezegging", Meeting "de domeinvergadering sociaal van 5 maart 2024",
/// Description its own text (what the motion asked, what was promised), Verb "aangenomen" (a motion) or "gedaan" (a commitment)
/// and Occasion where: "in de vergadering van de gemeenteraad van 11 november 2014", "in de domeinvergadering sociaal van 5 maart 2024".
/// </summary>
public sealed record LetterObligation(string Reference, string Title, string Kind, string Meeting, string? Description, string? Verb = null, string? Occasion = null);

public sealed record LetterAlderman(string Name, string Portfolio);

public sealed record LetterSource(int Number, string Text);

/// <summary>One required indicator in the letter.</summary>
public sealed record LetterItem
{
    public required string Name { get; init; }

    /// <summary>The indicator's code: the app links the figure to where it came from (the cycle's value of this indicator).</summary>
    public string? Code { get; init; }

    public required string Definition { get; init; }

    /// <summary>"aantal", "percentage", "bedrag", "duur", "tekst", "verdeling".</summary>
    public required string Kind { get; init; }

    /// <summary>For a breakdown: "afzonderlijk" (separate measures, never added), "geheel" (parts of a whole with their total) or "budget".</summary>
    public string? Nature { get; init; }

    public string? Unit { get; init; }

    /// <summary>False when the figure is not available; <see cref="NotAvailableReason"/> then says why.</summary>
    public required bool Available { get; init; }

    public string? NotAvailableReason { get; init; }

    /// <summary>The figure of the period in Dutch notation ("2.834", "93,9 %", "€ 126.570.000"); empty for text.</summary>
    public string? Value { get; init; }

    /// <summary>
    /// A derived figure's parts: for a share "2.660 van de 2.834 besluiten" (<see cref="DerivationIsShare"/>), else the
    /// computation in words, "begroot (€ 5.210.000) min resultaat (€ 120.000)".
    /// </summary>
    public string? Derivation { get; init; }

    public bool DerivationIsShare { get; init; }

    /// <summary>The same measure elsewhere (nationally) in the same period, set beside the figure.</summary>
    public LetterBenchmark? Benchmark { get; init; }

    /// <summary>What the reader should know about the figures' quality or comparability.</summary>
    public string? Caveat { get; init; }

    /// <summary>Where the figure came from: who handed it in and when, the definition version, the source and attachments, or how it was computed.</summary>
    public LetterOrigin? Origin { get; init; }

    /// <summary>
    /// The definition changed since the figure it is compared with: what it was and what it is now (the motion's
    /// "was/wordt-situatie"), so the reader knows earlier figures were measured another way.
    /// </summary>
    public LetterDefinitionChange? DefinitionChange { get; init; }

    /// <summary>The text of a narrative indicator.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<LetterCategory> Breakdown { get; init; } = [];

    /// <summary>Separate measures: the period their <see cref="LetterCategory.Before"/> figures are from ("2e kwartaal 2025"), if any.</summary>
    public string? BreakdownAgainst { get; init; }

    /// <summary>A budget line: the expected over- or underspend.</summary>
    public LetterBudget? Budget { get; init; }

    public string? Explanation { get; init; }

    public string? Source { get; init; }

    /// <summary>The number of the source in <see cref="LetterModel.Sources"/>.</summary>
    public int? SourceNote { get; init; }

    /// <summary>This item is the first to cite its source: the footnote's text follows it, so lines added after the figures stay out of it.</summary>
    public bool IntroducesSource { get; init; }

    public IReadOnlyList<LetterComparison> Comparisons { get; init; } = [];

    /// <summary>Why a comparison the reader would expect is missing or replaced: "Over het 1e kwartaal 2026 is geen cijfer beschikbaar; …".</summary>
    public string? ComparisonNote { get; init; }

    /// <summary>This is the indicator's first figure: the nulmeting later letters compare with.</summary>
    public bool IsNulmeting { get; init; }

    public LetterTrajectory? Trajectory { get; init; }

    /// <summary>"De nulmeting was 9,2 % (31 december 2021)." or empty.</summary>
    public string? Baseline { get; init; }

    /// <summary>"De streefwaarde is 4,6 % in 2030." or empty.</summary>
    public string? Target { get; init; }

    /// <summary>Numeric: the letter has a chart of the series for it.</summary>
    public required bool IsNumeric { get; init; }

    /// <summary>The series for the chart and its table, oldest first, ending with this period.</summary>
    public IReadOnlyList<LetterPoint> Series { get; init; } = [];

    public decimal? BaselineValue { get; init; }

    /// <summary>The day the nulmeting was measured: where the chart marks it.</summary>
    public DateOnly? BaselineAt { get; init; }

    public decimal? TargetValue { get; init; }

    /// <summary>The end of the target year: where the chart marks the streefwaarde.</summary>
    public DateOnly? TargetAt { get; init; }

    public int Decimals { get; init; }

    public string? FormattedUnit { get; init; }
}

/// <summary>
/// One category of a breakdown: <c>Share</c> its part of the whole ("13,8 %"), <c>Before</c> its figure in the period compared
/// with and <c>Change</c> the change since ("+3,0 %").
/// </summary>
public sealed record LetterCategory(string Category, string Value, string? Share = null, string? Before = null, string? Change = null);

/// <summary>
/// The expected exhaustion against the budget: <c>Difference</c> "€ 900.000", <c>Share</c> of the budget "1,9 %",
/// <c>Direction</c> "overschrijding" or "onderschrijding" and <c>Outcome</c> "tegenvaller" or "meevaller" (none when exactly on budget).
/// </summary>
public sealed record LetterBudget(string Difference, string? Share, string? Direction, string? Outcome);

/// <summary>
/// The period's figure against another: <c>Against</c> "het 1e kwartaal 2025", <c>Value</c> then,
/// <c>Phrase</c> "licht gestegen", <c>Change</c> "+1,0 procentpunt".
/// </summary>
public sealed record LetterComparison(string Against, string Value, string Phrase, string Change);

/// <summary>The straight line from the baseline to the target: where it is in this period and whether the figure keeps up.</summary>
public sealed record LetterTrajectory(string Expected, bool OnTrack, string Status, int TargetYear);

/// <summary>A period of the series: its label, its figure (none when not available) and the day it ends, where the chart places it.</summary>
public sealed record LetterPoint(string Label, decimal? Value, DateOnly? At = null);

/// <summary>
/// A changed definition: <c>WasUntil</c> the last period under the old one ("het 4e kwartaal 2025"), <c>IsFrom</c> the first
/// under the new one, and each part that changed.
/// </summary>
public sealed record LetterDefinitionChange(string WasUntil, string IsFrom, IReadOnlyList<LetterChangedPart> Parts);

/// <summary>One changed part of a definition: <c>Part</c> "Definitie", <c>Was</c> and <c>Is</c> its old and new text.</summary>
public sealed record LetterChangedPart(string Part, string Was, string Is);

/// <summary>
/// Where a figure came from, as the letter's appendix shows it: <c>EnteredBy</c> and <c>EnteredOn</c> ("3 februari 2026")
/// for a value handed in, <c>ComputedAs</c> ("Aanvragen binnen 8 weken gedeeld door …") for a computed one; the definition
/// version it was measured under, the source and the names of the files attached to the value.
/// </summary>
public sealed record LetterOrigin(string? EnteredBy, string? EnteredOn, int DefinitionVersion, string Source, IReadOnlyList<string> Attachments, string? ComputedAs = null);

/// <summary>
/// The benchmark of a figure: <c>Name</c> of its indicator ("Jeugdigen met jeugdhulp in Nederland"), <c>Value</c> in the
/// period (none when not available, with <c>NotAvailableReason</c>), its own change since <c>Against</c> in words
/// (<c>Phrase</c>, <c>Change</c>), and the footnote of its source.
/// </summary>
public sealed record LetterBenchmark(string Name, string? Value, string? NotAvailableReason, string? Against, string? Phrase, string? Change, string Source)
{
    public int? SourceNote { get; init; }

    public bool IntroducesSource { get; init; }
}
