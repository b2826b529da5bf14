using System.Diagnostics;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Letters;
using Governance.Workflows.Letters;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Benchmarks;

/// <summary>
/// A letter of 12 numeric indicators, each with four earlier quarters as history (so every chart has five
/// points, a baseline and a target): composing it from the stored values (reading them, the template, the
/// figures, the stored version) and its HTML with the 12 SVG charts; its DOCX with 12 PNG charts; its PDF.
/// </summary>
public static class LetterBenchmarks
{
    private const int Letters = 20;
    private static readonly DateOnly Today = new(2025, 10, 1);

    public static async Task<IReadOnlyList<Measure>> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("governance-letters").FullName;
        var database = new BenchmarkDatabase(Path.Combine(folder, "letters.db"));
        var cycles = await SeedAsync(database);
        var composer = new LetterComposer(TimeProvider.System);

        // Warm-up: the first letter pays for the JIT, EF's query compilation and the font and image encoders.
        var warm = await ComposeAsync(database, composer, cycles[0]);
        LetterDocx.Create(warm, Header);
        LetterPdf.Create(warm, Header);

        var compose = new List<double>();
        var docx = new List<double>();
        var pdf = new List<double>();
        foreach (var cycle in cycles.Skip(1))
        {
            var watch = Stopwatch.StartNew();
            var version = await ComposeAsync(database, composer, cycle);
            var html = LetterHtml.Fragment(version, Header);
            compose.Add(watch.Elapsed.TotalMilliseconds);
            if (html.Split("<svg").Length != 13)
            {
                throw new InvalidOperationException("the letter should have 12 charts");
            }

            watch.Restart();
            LetterDocx.Create(version, Header);
            docx.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            LetterPdf.Create(version, Header);
            pdf.Add(watch.Elapsed.TotalMilliseconds);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return
        [
            new($"compose a letter of 12 indicators from the stored values, and its HTML with 12 charts (median of {compose.Count})", "< 50 ms", Median(compose), null, null),
            new($"its DOCX with 12 charts as PNG (median of {docx.Count})", "< 300 ms", Median(docx), null, null),
            new($"its PDF with embedded fonts and 12 vector charts (median of {pdf.Count})", "< 1 s", Median(pdf), null, null),
        ];
    }

    private static readonly LetterHtml.Header Header = new("2025.03355", Today, "Maastricht");

    private static async Task<Domain.Letters.LetterVersion> ComposeAsync(BenchmarkDatabase database, LetterComposer composer, ReportingCycleId cycle)
    {
        await using var db = database.CreateContext();
        var composed = await composer.ComposeAsync(db, cycle, "Benchmark", CancellationToken.None);
        if (!composed.Succeeded)
        {
            throw new InvalidOperationException(composed.Error!.Message);
        }

        var letter = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).SingleAsync(l => l.Id == composed.Value);
        return letter.Current;
    }

    private static async Task<IReadOnlyList<ReportingCycleId>> SeedAsync(BenchmarkDatabase database)
    {
        var now = DateTime.UtcNow;
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var municipality = new Municipality("Maastricht", "GM0935");
        var team = new Team(municipality.Id, "Onderzoek en Statistiek");
        var alderman = new Alderman(municipality.Id, "Jeroen Hoenderkamp", "Wethouder WMO, Welzijn, Sociale Zaken en Gezondheid");
        db.AddRange(municipality, team, alderman);
        var obligations = new List<Motion>();
        var indicators = new Dictionary<IndicatorId, Indicator>();
        var deadlines = new StepDeadlines(Today, Today, Today, Today);
        for (var n = 1; n <= Letters + 1; n++)
        {
            // Each motion asks for its own 12 indicators, as the council's motions do ("Vinger aan de pols" items a-l).
            var own = Enumerable.Range(1, 12).Select(i => new Indicator(municipality.Id, $"M{n:000}-{i:00}", new IndicatorSpecification
            {
                Name = $"Aandeel aanvragen binnen de termijn, regeling {i}", Definition = "Het aandeel aanvragen dat binnen de wettelijke termijn is afgehandeld.",
                Kind = IndicatorKind.Percentage, Unit = "%", Decimals = 1, Source = "Eigen registratie", ResponsibleTeamId = team.Id,
                Baseline = new Baseline(80 + i * 0.5m, new DateOnly(2024, 1, 1)), Target = new Target(95, 2030),
            }, now)).ToList();
            own.ForEach(i => indicators[i.Id] = i);
            db.AddRange(own);
            var obligation = new Motion(municipality.Id, new ObligationDetails
            {
                Reference = $"M-2024-{n:000}", Title = $"Tijdig beslissen {n}", Text = "Verzoekt het college elk kwartaal te rapporteren over de doorlooptijden.",
                AdoptedOn = new DateOnly(2024, 1, 16), RegisteredOn = new DateOnly(2024, 1, 16), Meeting = new Meeting("Gemeenteraad", new DateOnly(2024, 1, 16)), ResponsibleAldermen = [alderman.Id],
                PolicyArea = "Wmo", Cadence = Cadence.Quarterly, ReportingFrom = new DateOnly(2025, 7, 1),
                RequiredIndicators = [.. own.Select((i, p) => new RequiredIndicator(i.Id, p + 1, null))], SubmittingParties = ["PvdA"],
            }, now, "Griffie");
            obligations.Add(obligation);
            foreach (var (quarter, index) in new[] { (2024, 3), (2024, 4), (2025, 1), (2025, 2) }.Select((q, i) => (q, i)))
            {
                db.ReportingCycles.Add(ReportingCycle.ImportHistory(obligation, ReportingPeriod.Quarter(quarter.Item1, quarter.Item2), deadlines,
                    [.. own.Select((i, p) => (i.Current, IndicatorValue.OfNumber(82 + p * 0.4m + index * 0.9m), (string?)"Eigen registratie"))], "Import", now));
            }
        }

        db.AddRange(obligations);
        await db.SaveChangesAsync();
        await new OpenReportingCyclesHandler(database, new CycleTimers(WorkingDayCalendar.Dutch(DutchPublicHolidays.Default), TimerRules.Default),
                WorkingDayCalendar.Dutch(DutchPublicHolidays.Default), DeadlineRules.Default, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<OpenReportingCyclesHandler>.Instance)
            .Handle(new OpenReportingCyclesCommand(Today), CancellationToken.None);

        await using var values = database.CreateContext();
        var open = await values.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).Where(c => c.Status == ReportingCycleStatus.Open).ToListAsync();
        var definitions = indicators.ToDictionary(i => i.Key, i => i.Value.Current);
        foreach (var cycle in open)
        {
            foreach (var (task, p) in cycle.Tasks.Select((t, p) => (t, p)))
            {
                task.Record(definitions[task.IndicatorId], IndicatorValue.OfNumber(86 + p * 0.4m), null, "Eigen registratie", "Benchmark", now);
                new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Submit);
            }

            new ReportingCycleWorkflow(cycle, now, "Benchmark").Fire(ReportingCycleWorkflow.Trigger.Complete);
        }

        await values.SaveChangesAsync();
        return [.. open.Where(c => c.Status == ReportingCycleStatus.Complete).Select(c => c.Id)];
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
