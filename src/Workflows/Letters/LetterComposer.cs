using System.Text.Json;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Letters;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>
/// Composes the draft letter of a complete cycle from its values: builds the letter model, renders the
/// municipality's template (or the default) and stores it as the letter's first version, or as a new version
/// when the values changed; a complete cycle moves on to Drafting in the same save. Nothing is stored when a
/// value is missing or does not fit its indicator, or the template fails: the result names the indicator or
/// the template's line. Running it twice stores one letter and no second identical version.
/// </summary>
public sealed class LetterComposer(TimeProvider time, WorkingDayCalendar? workingDays = null, DeadlineRules? rules = null)
{
    public static JsonSerializerOptions DataJson { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>A letter's content from its model and a template: the rendered text and the figures as the snapshot its charts are drawn from.</summary>
    public static Result<LetterContent> Content(LetterModel model, string template, string? subject = null)
    {
        var body = LetterTemplates.Render(template, model);
        return body.Succeeded
            ? new LetterContent(subject ?? model.Subject, model.HandledBy, model.Phone, body.Value!, JsonSerializer.Serialize(model, DataJson))
            : body.Error;
    }

    public async Task<Result<CouncilLetterId>> ComposeAsync(GovernanceDbContext db, ReportingCycleId cycleId, string actor, CancellationToken cancellationToken)
    {
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null)
        {
            return new NotFound("Reporting cycle");
        }

        if (cycle.Status is not (ReportingCycleStatus.Complete or ReportingCycleStatus.Drafting or ReportingCycleStatus.SentBack))
        {
            return new CycleNotComplete(cycle.Status);
        }

        var letter = await db.CouncilLetters.Include(l => l.Versions).Include(l => l.Approvals).SingleOrDefaultAsync(l => l.CycleId == cycleId, cancellationToken);
        ReportingSchedule? schedule = null;
        if (workingDays is not null && rules is not null)
        {
            var calendar = new PlanningCalendar(await db.PlanningYears.AsNoTracking().Where(y => y.MunicipalityId == cycle.MunicipalityId).ToListAsync(cancellationToken));
            schedule = new ReportingSchedule(calendar, calendar.WorkingDays(workingDays), rules);
        }

        var model = await BuildModelAsync(db, cycle, letter?.Current, MunicipalTime.Today(time), schedule, cancellationToken);
        if (!model.Succeeded)
        {
            return model.Error;
        }

        var kind = await db.Obligations.Where(o => o.Id == cycle.ObligationId).Select(o => o.Kind).SingleAsync(cancellationToken);
        var template = await db.LetterTemplates.Where(t => t.MunicipalityId == cycle.MunicipalityId && t.Kind == kind).Select(t => t.Text).SingleOrDefaultAsync(cancellationToken) ?? LetterTemplates.Default;
        var composed = Content(model.Value!, template, letter?.Current.Subject);
        if (!composed.Succeeded)
        {
            return composed.Error;
        }

        var content = composed.Value!;
        var now = time.GetUtcNow().UtcDateTime;
        if (letter is null)
        {
            letter = new CouncilLetter(cycle, content, actor, now);
            db.CouncilLetters.Add(letter);
        }
        else if (letter.IsFinalised || letter.Status != CouncilLetterStatus.Draft)
        {
            return new LetterNotDraft("Deze brief ligt ter goedkeuring of is vastgesteld; hij wordt niet opnieuw samengesteld.");
        }
        else
        {
            letter.AddVersion(content, "Opnieuw samengesteld uit de waarden", actor, now);
        }

        if (cycle.Status == ReportingCycleStatus.Complete)
        {
            var drafting = new ReportingCycleWorkflow(cycle, now, actor).Fire(ReportingCycleWorkflow.Trigger.StartDrafting);
            if (!drafting.Succeeded)
            {
                return drafting.Error;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new Conflict("De brief is intussen door iemand anders samengesteld of gewijzigd. Laad hem opnieuw.");
        }

        return letter.Id;
    }

    /// <summary>The letter model of a cycle from the values handed in; refused, naming the indicator, when a value is missing or does not fit.</summary>
    public static async Task<Result<LetterModel>> BuildModelAsync(
        GovernanceDbContext db, ReportingCycle cycle, LetterVersion? current, DateOnly today, ReportingSchedule? schedule, CancellationToken cancellationToken)
    {
        var obligation = await db.Obligations.AsNoTracking().SingleAsync(o => o.Id == cycle.ObligationId, cancellationToken);
        var required = obligation.RequiredIndicators.Select(r => r.IndicatorId).ToList();
        // A derived indicator has no task: it is computed from its inputs, whose tasks stand in the letter only where they were asked for themselves.
        var derived = await DerivedIndicators.LoadAsync(db, cancellationToken);
        var derivedRequired = required.Where(derived.IsDerived).ToList();
        // So do the benchmarks set beside them (the national figures).
        var helpers = derived.Measured(required).Except(required).ToHashSet();
        var benchmarks = required.Select(derived.BenchmarkOf).OfType<IndicatorId>().ToList();
        var indicatorIds = cycle.Tasks.Select(t => t.IndicatorId).Concat(derived.Closure(derivedRequired.Concat(benchmarks))).Distinct().ToList();
        var definitions = await db.IndicatorDefinitions.AsNoTracking().Where(d => indicatorIds.Contains(d.IndicatorId)).ToListAsync(cancellationToken);
        var codes = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var aldermanIds = obligation.ResponsibleAldermen.ToList();
        var aldermen = await db.Aldermen.AsNoTracking().Where(a => aldermanIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var settings = await db.Municipalities.AsNoTracking().Where(m => m.Id == cycle.MunicipalityId)
            .Select(m => new { m.Name, m.ContactPhone, m.ContactEmail, m.LetterLinks, m.TrendRelative, m.TrendPoints }).SingleAsync(cancellationToken);
        var municipality = settings.Name;
        var wording = new LetterWording(settings.TrendRelative, settings.TrendPoints);

        var order = required.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var histories = await IndicatorHistory.LoadManyAsync(db, indicatorIds, cancellationToken);
        var latest = definitions.GroupBy(d => d.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.VersionNumber)!);
        var computed = new DerivedValues(derived, histories,
            (id, version) => definitions.FirstOrDefault(d => d.IndicatorId == id && d.VersionNumber == version) ?? latest.GetValueOrDefault(id),
            id => latest.TryGetValue(id, out var d) ? d.Name : codes.GetValueOrDefault(id) ?? id.ToString());
        var taskIds = cycle.Tasks.Select(t => t.Id).ToList();
        var attachments = (await db.ValueAttachments.AsNoTracking().Where(a => taskIds.Contains(a.TaskId))
                .OrderBy(a => a.UploadedAtUtc).Select(a => new { a.TaskId, a.FileName }).ToListAsync(cancellationToken))
            .ToLookup(a => a.TaskId, a => a.FileName);
        List<LetterItem> items = [];
        var sources = new List<LetterSource>();
        var entries = cycle.Tasks.Where(t => !helpers.Contains(t.IndicatorId)).Select(t => (t.IndicatorId, Task: (IndicatorTask?)t))
            .Concat(derivedRequired.Select(id => (IndicatorId: id, Task: (IndicatorTask?)null)))
            .OrderBy(e => order.GetValueOrDefault(e.IndicatorId, int.MaxValue));
        foreach (var task in cycle.Tasks)
        {
            if (!task.Status.IsDone() || task.CurrentValue is null)
            {
                var name = definitions.FirstOrDefault(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion)?.Name ?? codes.GetValueOrDefault(task.IndicatorId);
                return new ValueMissing(name);
            }
        }

        foreach (var (indicatorId, task) in entries)
        {
            IndicatorDefinition? definition;
            PeriodValue value;
            string? derivation = null;
            var isShare = false;
            LetterOrigin origin;
            if (task is null)
            {
                definition = derived.DefinitionOf(indicatorId)!;
                value = computed.HistoryOf(indicatorId).For(cycle.Period)
                    ?? new PeriodValue(cycle.Period, IndicatorValue.NotAvailable("Niet te berekenen: de cijfers waaruit het volgt, zijn over deze periode niet gevraagd."), null, null, default, definition.VersionNumber);
                if (value.Value.Number is { } figure && definition.Kind == IndicatorKind.Percentage && figure is < 0 or > 100)
                {
                    return new ValueDoesNotFit(definition.Name,
                        $"komt uit op {LetterFigures.Measure(definition, figure)}; een percentage ligt tussen 0 en 100. Controleer de waarden waaruit het berekend is: {string.Join(", ", definition.ParsedFormula!.Inputs.Select(i => computed.Named(indicatorId, i)))}.");
                }

                if (!value.Value.IsNotAvailable && LetterFigures.Derivation(definition.ParsedFormula!, input =>
                        computed.Input(indicatorId, input) is { } inputId && latest.TryGetValue(inputId, out var of)
                            ? (of, computed.Named(indicatorId, input), computed.FigureOf(indicatorId, input, cycle.Period))
                            : null) is var (text, share))
                {
                    (derivation, isShare) = (text, share);
                }

                var computedAs = definition.ParsedFormula!.Describe(input => computed.Named(indicatorId, input), n => n.ToString(LetterFigures.Dutch));
                origin = new LetterOrigin(null, null, definition.VersionNumber, definition.Source, [], computedAs);
            }
            else
            {
                definition = definitions.SingleOrDefault(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion);
                if (definition is null)
                {
                    return new NotFound($"Indicator definition {task.IndicatorId} v{task.DefinitionVersion}");
                }

                var recorded = task.CurrentValue!;
                var fits = recorded.Value.FitsDefinition(definition);
                if (!fits.Succeeded)
                {
                    return new ValueDoesNotFit(definition.Name, $"de waarde past niet bij de indicator: {fits.Error.Message}");
                }

                value = new PeriodValue(cycle.Period, recorded.Value, recorded.Explanation, recorded.Source, recorded.RecordedAtUtc, definition.VersionNumber);
                origin = new LetterOrigin(recorded.RecordedBy, MunicipalTime.ToLocal(recorded.RecordedAtUtc).ToString("d MMMM yyyy", LetterFigures.Dutch),
                    recorded.DefinitionVersion, recorded.Source ?? definition.Source, [.. attachments[task.Id]]);
            }

            var history = computed.HistoryOf(indicatorId);
            var (note, introducesSource) = value.Value.IsNotAvailable ? (null, false) : Cite(value.Source ?? definition.Source);
            LetterBenchmark? benchmark = null;
            if (derived.BenchmarkOf(indicatorId) is { } benchmarkId && latest.TryGetValue(benchmarkId, out var benchmarkDefinition))
            {
                var benchmarkHistory = computed.HistoryOf(benchmarkId);
                var benchmarkSource = benchmarkHistory.For(cycle.Period)?.Source ?? benchmarkDefinition.Source;
                benchmark = LetterFigures.Benchmark(benchmarkDefinition, cycle.Period, benchmarkHistory, benchmarkSource, wording);
                if (benchmark.Value is not null)
                {
                    var (benchmarkNote, introduces) = Cite(benchmarkSource);
                    benchmark = benchmark with { SourceNote = benchmarkNote, IntroducesSource = introduces };
                }
            }

            items.Add(LetterFigures.Item(definition, cycle.Period, value, history.Where(h => h.Period != cycle.Period).ToList(), note, wording, definitions) with
            {
                IntroducesSource = introducesSource,
                Code = codes.GetValueOrDefault(indicatorId),
                Derivation = derivation,
                DerivationIsShare = isShare,
                Origin = origin,
                Benchmark = benchmark,
            });
        }

        // A source's footnote number, the first time it is cited a new one.
        (int? Note, bool Introduces) Cite(string source)
        {
            if (sources.FirstOrDefault(s => s.Text == source) is { } known)
            {
                return (known.Number, false);
            }

            sources.Add(new LetterSource(sources.Count + 1, source));
            return (sources.Count, true);
        }

        // The letter speaks for the team that supplies its figures: the first required indicator's team that has a letter contact set.
        var teamOrder = cycle.Tasks.OrderBy(t => order.GetValueOrDefault(t.IndicatorId, int.MaxValue)).Select(t => t.TeamId).Distinct().ToList();
        var contacts = await db.Teams.AsNoTracking().Where(t => teamOrder.Contains(t.Id) && t.LetterHandledBy != null)
            .Select(t => new { t.Id, t.LetterHandledBy, t.LetterPhone, t.LetterEmail }).ToListAsync(cancellationToken);
        var team = teamOrder.Select(id => contacts.FirstOrDefault(c => c.Id == id)).FirstOrDefault(c => c is not null);
        var handledBy = current?.HandledBy
            ?? team?.LetterHandledBy
            ?? cycle.Tasks.Select(t => t.CurrentValue).OfType<RecordedValue>().OrderByDescending(v => v.RecordedAtUtc).Select(v => v.RecordedBy).FirstOrDefault()
            ?? municipality;
        (items, var general) = SayOnce(items);
        return new LetterModel
        {
            Municipality = municipality,
            Subject = $"{obligation.Title}, {cycle.Period.Display(LetterFigures.Dutch)}",
            HandledBy = handledBy,
            Phone = current?.Phone ?? team?.LetterPhone ?? settings.ContactPhone,
            Email = team?.LetterEmail ?? settings.ContactEmail,
            Links = settings.LetterLinks,
            Obligation = Describe(obligation.Kind, obligation.Reference, obligation.Title, obligation.Text, obligation.Meeting.Body, obligation.Meeting.Date),
            Period = cycle.Period.Display(LetterFigures.Dutch),
            ThePeriod = LetterFigures.The(cycle.Period),
            InPeriod = LetterFigures.In(cycle.Period),
            PeriodIsPast = cycle.Period.End < today,
            PeriodCode = cycle.Period.Code,
            Aldermen = [.. aldermanIds.Select(id => aldermen.Single(a => a.Id == id)).Select(a => new LetterAlderman(a.Name, a.Portfolio))],
            Items = items,
            ComparisonNote = general,
            Sources = sources,
            Next = FollowUp(obligation.Cadence, obligation.EndDate, cycle.Period, schedule),
        };
    }

    /// <summary>A comparison note that holds for every figure ("Eerdere cijfers gaan over hele jaren; …") is said once, for the letter, instead of with each.</summary>
    public static (List<LetterItem> Items, string? Note) SayOnce(List<LetterItem> items)
    {
        var figures = items.Where(i => i.Available && i.Kind != "tekst").ToList();
        if (figures.Count < 2 || figures[0].ComparisonNote is not { } note || figures.Any(i => i.ComparisonNote != note))
        {
            return (items, null);
        }

        return ([.. items.Select(i => i.ComparisonNote == note ? i with { ComparisonNote = null } : i)], note);
    }

    /// <summary>
    /// The report after <paramref name="period"/>: its period and when it reaches the council (the P&amp;C moment for a
    /// half-yearly report, else the month), or the last one when the obligation is one-off or ends before another period.
    /// </summary>
    public static LetterFollowUp FollowUp(Cadence cadence, DateOnly? endDate, ReportingPeriod period, ReportingSchedule? schedule)
    {
        if (cadence.PeriodsEndingBetween(period.End.AddDays(1), period.End.AddYears(2)).Cast<ReportingPeriod?>().FirstOrDefault() is not { } next
            || (endDate is { } end && next.End > end))
        {
            return new LetterFollowUp(Last: true);
        }

        string? when = null;
        if (schedule?.DeadlinesFor(cadence, next) is { Succeeded: true } deadlines)
        {
            var month = deadlines.Value!.SendToCouncil.ToString("MMMM yyyy", LetterFigures.Dutch);
            when = cadence != Cadence.HalfYearly ? $"in {month}"
                : next.Kind == PeriodKind.HalfYear ? $"bij de 1e berap {next.Year} ({month})"
                : $"bij de jaarrekening {next.Year} ({month})";
        }

        return new LetterFollowUp(Last: false, LetterFigures.The(next), when);
    }

    /// <summary>
    /// The obligation as the letter names it. A motion is adopted ("aangenomen") by the council, a commitment made ("gedaan")
    /// in a meeting; a body that is itself a meeting ("Domeinvergadering Sociaal") is named as one, any other ("Gemeenteraad")
    /// as the meeting of that body.
    /// </summary>
    public static LetterObligation Describe(ObligationKind kind, string reference, string title, string? text, string meetingBody, DateOnly meetingDate)
    {
        // Only the first letter is lowered: "Gemeenteraad" is the gemeenteraad, but the Vaals of a committee's name stays a name.
        var trimmed = meetingBody.Trim();
        var body = trimmed.Length == 0 ? trimmed : char.ToLower(trimmed[0], LetterFigures.Dutch) + trimmed[1..];
        var date = meetingDate.ToString("d MMMM yyyy", LetterFigures.Dutch);
        var occasion = body.Contains("vergadering", StringComparison.Ordinal) ? $"in de {body} van {date}" : $"in de vergadering van de {body} van {date}";
        var (word, verb) = kind == ObligationKind.Motion ? ("motie", "aangenomen") : ("toezegging", "gedaan");
        return new LetterObligation(reference, title, word, $"de {body} van {date}", text, verb, occasion);
    }
}
