using System.Diagnostics;
using Governance.Domain.Indicators;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence.Postgres;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Benchmarks;

/// <summary>
/// One PostgreSQL installation serving many municipalities: <c>municipalities</c> × <c>obligations</c> quarterly
/// motions of 12 indicators, each with eight earlier quarters of values (100,000 obligations: 9,600,000 values on as
/// many tasks), then the current quarter opened for all of them at once (1,200,000 tasks), beside the opening of one
/// municipality's 10,000 in the same run (linear is ten times that). Then the real app on that database answers one
/// municipality's griffie (cockpit, obligations list with a search) and staff member (Mijn taken), as
/// <see cref="WorkspaceBenchmarks"/> measures them on SQLite: each municipality is as large as the SQLite benchmark's
/// one, the tables hold all of them.
/// </summary>
public static class PostgresScaleBenchmarks
{
    private const string Password = "Benchmark-Wachtwoord-2025";
    private static readonly DateOnly Today = new(2025, 9, 30);
    private static readonly WorkingDayCalendar WorkingDays = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);

    public static async Task<IReadOnlyList<Measure>> RunAsync(string server, int municipalities, int obligations, double openingOfOne)
    {
        var database = new PostgresBenchmarkDatabase(server, "governance_bench_" + Guid.NewGuid().ToString("N")[..8] + "_scale");
        try
        {
            var seeding = Stopwatch.StartNew();
            var values = 0L;
            for (var m = 0; m < municipalities; m++)
            {
                values += await SeedMunicipalityAsync(database, m, obligations);
                Console.Error.WriteLine($"scale: municipality {m + 1} of {municipalities} seeded ({seeding.Elapsed.TotalSeconds:0} s)");
            }

            await using (var db = database.CreateContext())
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
                // The seeding's 5 GB reach the disk before the clock starts: flushing them is not the opening's work. The
                // reference starts just after checkpoints too (PostgreSQL's, as the earlier measures copy and drop databases).
                await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
            }

            var total = municipalities * obligations;
            var (report, watch) = await OpenAsync(database);

            var size = await DatabaseSizeAsync(database);
            var measures = new List<Measure>
            {
                new($"open {report.Opened:N0} cycles with {report.Tasks:N0} tasks beside {values:N0} values of earlier quarters ({total:N0} obligations in {municipalities} municipalities; database {size / 1024 / 1024 / 1024.0:0.0} GB afterwards)",
                    "< 10x reference", watch.Elapsed.TotalMilliseconds, openingOfOne, $"the opening of {obligations:N0} above"),
            };

            measures.AddRange(await WorkspacesAsync(database.ConnectionString, obligations, total));
            return measures;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("GOVERNANCE_BENCHMARK_KEEP") is { Length: > 0 })
            {
                Console.Error.WriteLine($"database kept: {database.Name}");
            }
            else
            {
                await PostgresBenchmarkDatabase.DropAsync(server, database.Name);
            }
        }
    }

    /// <summary>The quarter opened for the whole installation, timed; then analysed, as the nightly statistics would be.</summary>
    private static async Task<(OpeningReport Report, Stopwatch Watch)> OpenAsync(PostgresBenchmarkDatabase database)
    {
        var handler = new OpenReportingCyclesHandler(database, new CycleTimers(WorkingDays, TimerRules.Default), WorkingDays, DeadlineRules.Default,
            new FixedTime(new DateTimeOffset(MunicipalTime.ToUtc(Today, new TimeOnly(6, 0)), TimeSpan.Zero)), NullLogger<OpenReportingCyclesHandler>.Instance);
        var watch = Stopwatch.StartNew();
        var report = await handler.Handle(new OpenReportingCyclesCommand(Today), CancellationToken.None);
        watch.Stop();
        await using var db = database.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (report, watch);
    }

    /// <summary>
    /// The opening again on a database an earlier run kept (the "postgres-reopen" mode): the quarter it opened is deleted,
    /// then opened anew; for working on the opening without seeding 10,000,000 values each time.
    /// </summary>
    public static async Task<TimeSpan> ReopenAsync(string server, string name)
    {
        var database = new PostgresBenchmarkDatabase(server, name);
        await using (var db = database.CreateContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReportingCycles\" WHERE NOT \"IsImported\"");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
        }

        var (report, watch) = await OpenAsync(database);
        Console.Error.WriteLine($"reopened {report.Opened:N0} cycles with {report.Tasks:N0} tasks");
        return watch.Elapsed;
    }

    /// <summary>
    /// One municipality's workspaces answered by the real app on an installation of <paramref name="total"/> obligations; also on
    /// its own (the "postgres-workspaces" mode) against a database kept by an earlier run (<c>GOVERNANCE_BENCHMARK_KEEP</c>).
    /// </summary>
    public static async Task<IReadOnlyList<Measure>> WorkspacesAsync(string connectionString, int obligations, int total)
    {
        await using var app = new BenchmarkApp("", Password, connectionString);
        using var griffie = await WorkspaceBenchmarks.SignedInAsync(app, "griffie@example.test", Domain.Accounts.Roles.Griffie);
        using var staff = await WorkspaceBenchmarks.SignedInAsync(app, "m@example.test", null);
        return
        [
            await RequestTimes.P95Async(griffie, "/api/cockpit", $"cockpit of one municipality ({obligations:N0} obligations) in the installation of {total:N0}"),
            await RequestTimes.P95Async(griffie, "/api/obligations?status=InProgress&search=Motie%201234&page=1&pageSize=25", "obligations list, status filter and search, first page"),
            await RequestTimes.P95Async(staff, "/api/tasks?page=1&pageSize=25", $"Mijn taken, first page of the team's open tasks ({obligations * 2:N0} in the team)"),
        ];
    }

    /// <summary>A municipality as <see cref="WorkspaceBenchmarks"/> seeds one, its earlier quarters written with COPY; returns the values written.</summary>
    private static async Task<long> SeedMunicipalityAsync(PostgresBenchmarkDatabase database, int municipality, int count)
    {
        await WorkflowBenchmarks.SeedAsync(database, count, municipality);
        await using var db = database.CreateContext();
        var code = municipality == 0 ? "GM0935" : $"GM{9000 + municipality}";
        var place = await db.Municipalities.Where(m => m.Code == code).Select(m => m.Id).SingleAsync();
        await db.Obligations.Where(o => o.MunicipalityId == place)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, ObligationStatus.InProgress));

        await WorkspaceBenchmarks.SpreadOverTeamsAsync(db, place);

        // Eight earlier quarters as imported history: 12 values per obligation per quarter.
        var quarters = Enumerable.Range(1, 8).Select(i => ReportingPeriod.Quarter(2023 + (i + 1) / 4, (i + 1) % 4 + 1)).ToList();
        var deadlines = new StepDeadlines(Today, Today, Today, Today);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => i.MunicipalityId == place).ToListAsync();
        var ids = await db.Obligations.Where(o => o.MunicipalityId == place).Select(o => o.Id).ToListAsync();
        var now = DateTime.UtcNow;
        var values = 0L;
        foreach (var chunk in ids.Chunk(1_000))
        {
            await using var batch = database.CreateContext();
            var chunkIds = chunk.ToList();
            var motions = await batch.Obligations.AsNoTracking().Where(o => chunkIds.Contains(o.Id)).ToListAsync();
            var cycles = motions.SelectMany(o => quarters.Select((period, q) => ReportingCycle.ImportHistory(o, period, deadlines,
                [.. indicators.Select((i, n) => (i.Current, IndicatorValue.OfNumber(1_000 + n * 10 + q), (string?)"Monitor"))], "Import", now))).ToList();
            await using var transaction = await batch.Database.BeginTransactionAsync();
            await PostgresCopy.InsertAsync(batch, cycles, CancellationToken.None);
            await transaction.CommitAsync();
            values += cycles.Sum(c => c.Tasks.Sum(t => t.Values.Count));
        }

        return values;
    }

    private static async Task<long> DatabaseSizeAsync(PostgresBenchmarkDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
    }
}
