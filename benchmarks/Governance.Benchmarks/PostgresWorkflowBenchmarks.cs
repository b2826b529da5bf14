using System.Diagnostics;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Benchmarks;

/// <summary>A fresh database on the PostgreSQL server the benchmark is given (GOVERNANCE_BENCH_POSTGRES).</summary>
internal sealed class PostgresBenchmarkDatabase(string server, string name) : ISystemDatabase
{
    public string Name { get; } = name;

    /// <summary>With the app's own settings for its sessions (<see cref="Web.Hosting.DatabaseSetup.ForPostgres"/>): the jobs measured run as the app runs them.</summary>
    public string ConnectionString { get; } = Web.Hosting.DatabaseSetup.ForPostgres(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);

    public GovernanceDbContext CreateContext() =>
        GovernanceDatabase.Create(DatabaseProvider.Postgres, ConnectionString, FixedMunicipalityContext.System);

    /// <summary>A copy of this database (PostgreSQL's template copy), for a measure that starts from the same rows.</summary>
    public async Task<PostgresBenchmarkDatabase> CopyAsync(string copy)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"CREATE DATABASE \"{copy}\" TEMPLATE \"{Name}\"");
        return new PostgresBenchmarkDatabase(server, copy);
    }

    public static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>
    /// Writes every dirty page out now (and VACUUM ANALYZE of the benchmark's database before it): a measure that runs after
    /// a large write (the installation of 100,000 obligations) otherwise shares the cores with the server's checkpoint.
    /// </summary>
    public async Task SettleAsync()
    {
        await ExecuteAsync(ConnectionString, "VACUUM ANALYZE");
        await ExecuteAsync(ConnectionString, "CHECKPOINT");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The reporting workflows at scale on PostgreSQL, as <see cref="WorkflowBenchmarks"/> measures them on SQLite: the
/// opening beside a raw binary COPY of the same rows, the deadline sweep over every task, every cycle through six
/// transitions.
/// </summary>
public static class PostgresWorkflowBenchmarks
{
    private static readonly DateOnly Today = new(2025, 9, 30);
    private static readonly WorkingDayCalendar WorkingDays = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);

    public static async Task<BenchmarkResults> RunAsync(string server, int count)
    {
        // A warm-up on a small database first, so the measures are of steady work, not of the JIT and EF compiling queries.
        await MeasureAsync(server, 200);
        return await MeasureAsync(server, count);
    }

    private static async Task<BenchmarkResults> MeasureAsync(string server, int count)
    {
        var prefix = "governance_bench_" + Guid.NewGuid().ToString("N")[..8];
        var names = new List<string>();
        try
        {
            var seeded = new PostgresBenchmarkDatabase(server, prefix + "_seeded");
            names.Add(seeded.Name);
            await WorkflowBenchmarks.SeedAsync(seeded, count);
            await using (var db = seeded.CreateContext())
            {
                // The usual quarter: the obligations have reported before (InProgress), so opening writes only cycles, journal lines and tasks.
                await db.Obligations.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, ObligationStatus.InProgress));
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            }

            var measures = new List<Measure>();
            var time = new FixedTime(new DateTimeOffset(MunicipalTime.ToUtc(Today, new TimeOnly(6, 0)), TimeSpan.Zero));
            var timers = new CycleTimers(WorkingDays, TimerRules.Default);

            // 1. Opening, against a raw binary COPY of the same rows in one transaction.
            var rawDatabase = await seeded.CopyAsync(prefix + "_raw");
            names.Add(rawDatabase.Name);
            var raw = await RawCopyAsync(rawDatabase);
            var database = await seeded.CopyAsync(prefix + "_open");
            names.Add(database.Name);
            var handler = new OpenReportingCyclesHandler(database, timers, WorkingDays, DeadlineRules.Default, time, NullLogger<OpenReportingCyclesHandler>.Instance);
            var watch = Stopwatch.StartNew();
            var report = await handler.Handle(new OpenReportingCyclesCommand(Today), CancellationToken.None);
            watch.Stop();
            measures.Add(new Measure($"open {report.Opened:N0} cycles with {report.Tasks:N0} tasks", "< 2x reference", watch.Elapsed.TotalMilliseconds, raw, "raw binary COPY of the same rows"));

            // 2. The deadline sweep over every task, on the day of the first reminder.
            var reminderDay = timers.DateOf(CycleTimer.FirstReminder, await WorkflowBenchmarks.FirstDeadlinesAsync(database));
            var sweeper = new SweepDeadlinesHandler(database, timers, new FixedTime(new DateTimeOffset(MunicipalTime.ToUtc(reminderDay, new TimeOnly(6, 0)), TimeSpan.Zero)), NullLogger<SweepDeadlinesHandler>.Instance);
            watch.Restart();
            var swept = await sweeper.Handle(new SweepDeadlinesCommand(reminderDay), CancellationToken.None);
            watch.Stop();
            measures.Add(new Measure($"deadline sweep over {report.Tasks:N0} tasks ({swept.TimersFired:N0} cycle timers, {swept.Notifications:N0} notifications)", "< 1 s", watch.Elapsed.TotalMilliseconds, null, null));

            // 3. Every cycle through six transitions, guards checked and journal written.
            await WorkflowBenchmarks.MarkAllValuesExplainedAsync(database);
            watch.Restart();
            var moved = await WorkflowBenchmarks.SixTransitionsAsync(database);
            watch.Stop();
            measures.Add(new Measure($"{moved:N0} cycles through six transitions each", "< 3 s", watch.Elapsed.TotalMilliseconds, null, null));
            return new BenchmarkResults(count, report.Tasks, measures, Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024);
        }
        finally
        {
            foreach (var name in names)
            {
                await PostgresBenchmarkDatabase.DropAsync(server, name);
            }
        }
    }

    /// <summary>The reference: the rows the opening writes (a cycle, its journal line, a task per indicator), written by hand with binary COPY.</summary>
    private static async Task<double> RawCopyAsync(PostgresBenchmarkDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var obligations = new List<(Guid Id, Guid Municipality, string Reference)>();
        await using (var read = new NpgsqlCommand("SELECT \"Id\", \"MunicipalityId\", \"Reference\" FROM \"Obligations\"", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                obligations.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
            }
        }

        var indicators = new List<(Guid Id, string Code)>();
        await using (var read = new NpgsqlCommand("SELECT \"Id\", \"Code\" FROM \"Indicators\"", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indicators.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        Guid team;
        await using (var read = new NpgsqlCommand("SELECT \"Id\" FROM \"Teams\" LIMIT 1", connection))
        {
            team = (Guid)(await read.ExecuteScalarAsync())!;
        }

        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        var cycles = obligations.Select(o => (Id: Guid.CreateVersion7(), o.Id, o.Municipality, o.Reference)).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"ReportingCycles\" (\"Id\", \"ObligationId\", \"MunicipalityId\", \"Period\", \"Status\", \"IsImported\", \"Version\", \"ValuesDue\", \"DraftDue\", \"ApprovalsDue\", \"SendToCouncil\", \"NextTimer\", \"NextTimerOn\", \"RequiredValues\", \"OutstandingValues\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, obligation, municipality, _) in cycles)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(obligation, NpgsqlDbType.Uuid);
                await copy.WriteAsync(municipality, NpgsqlDbType.Uuid);
                await copy.WriteAsync("2025-Q3", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Open", NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(new DateOnly(2025, 10, 21), NpgsqlDbType.Date);
                await copy.WriteAsync(new DateOnly(2025, 10, 28), NpgsqlDbType.Date);
                await copy.WriteAsync(new DateOnly(2025, 11, 4), NpgsqlDbType.Date);
                await copy.WriteAsync(new DateOnly(2025, 11, 7), NpgsqlDbType.Date);
                await copy.WriteAsync("FirstReminder", NpgsqlDbType.Varchar);
                await copy.WriteAsync(new DateOnly(2025, 10, 14), NpgsqlDbType.Date);
                await copy.WriteAsync(indicators.Count, NpgsqlDbType.Integer);
                await copy.WriteAsync(indicators.Count, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        var at = new DateTime(2025, 9, 30, 4, 0, 0, DateTimeKind.Utc);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"ReportingCycleJournal\" (\"CycleId\", \"Sequence\", \"AtUtc\", \"Actor\", \"From\", \"To\", \"Trigger\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var cycle in cycles)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(cycle.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("Governance (planning)", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Scheduled", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Open", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Open", NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"IndicatorTasks\" (\"Id\", \"CycleId\", \"ObligationReference\", \"IndicatorId\", \"IndicatorCode\", \"DefinitionVersion\", \"TeamId\", \"DueDate\", \"Status\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var cycle in cycles)
            {
                foreach (var (indicator, code) in indicators)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(cycle.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(cycle.Reference, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(indicator, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(code, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(1, NpgsqlDbType.Integer);
                    await copy.WriteAsync(team, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(new DateOnly(2025, 10, 21), NpgsqlDbType.Date);
                    await copy.WriteAsync("Open", NpgsqlDbType.Varchar);
                }
            }

            await copy.CompleteAsync();
        }

        await transaction.CommitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }
}
