using System.Diagnostics;
using System.Globalization;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Benchmarks;

public sealed record Measure(string Name, string Target, double Milliseconds, double? ReferenceMilliseconds, string? Reference);

public sealed record BenchmarkResults(int Obligations, int Tasks, IReadOnlyList<Measure> Measures, long PeakMegabytes)
{
    public string ToMarkdown()
    {
        static string Ms(double ms) => ms.ToString(ms < 100 ? "N1" : "N0", CultureInfo.InvariantCulture) + " ms";
        var lines = new List<string>
        {
            "| measure | target | time | reference (same run) | ratio |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(Measures.Select(m => $"| {m.Name} | {m.Target} | {Ms(m.Milliseconds)} | {(m.Reference is null ? "–" : $"{m.Reference}: {Ms(m.ReferenceMilliseconds!.Value)}")} | " +
            $"{(m.ReferenceMilliseconds is { } r ? (m.Milliseconds / r).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "–")} |"));
        lines.Add($"| peak memory of the benchmark process (working set) | {(Obligations > 0 ? "< 500 MB" : "–")} | {PeakMegabytes} MB | | |");
        return string.Join('\n', lines);
    }
}

internal sealed class BenchmarkDatabase(string file) : ISystemDatabase
{
    public string ConnectionString { get; } = $"Data Source={file};Pooling=True";

    public GovernanceDbContext CreateContext() =>
        GovernanceDatabase.Create(DatabaseProvider.Sqlite, ConnectionString, FixedMunicipalityContext.System);
}

public static class WorkflowBenchmarks
{
    private static readonly DateOnly Today = new(2025, 9, 30);
    private static readonly WorkingDayCalendar WorkingDays = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);

    public static async Task<BenchmarkResults> RunAsync(int count)
    {
        // A warm-up on a small database first, so the measures are of steady work, not of the JIT and EF compiling queries.
        await MeasureAsync(200);
        return await MeasureAsync(count);
    }

    private static async Task<BenchmarkResults> MeasureAsync(int count)
    {
        var folder = Directory.CreateTempSubdirectory("governance-bench").FullName;
        var seeded = Path.Combine(folder, "seeded.db");
        await SeedAsync(new BenchmarkDatabase(seeded), count);
        var measures = new List<Measure>();
        var time = new FixedTime(new DateTimeOffset(MunicipalTime.ToUtc(Today, new TimeOnly(6, 0)), TimeSpan.Zero));
        var timers = new CycleTimers(WorkingDays, TimerRules.Default);

        // 1. Opening, against a raw batched insert of the same rows (prepared statements, one transaction).
        //    The usual quarter: the obligations have reported before (InProgress), so opening writes only cycles, journal lines and tasks.
        var rawFile = Copy(seeded, Path.Combine(folder, "raw.db"));
        var raw = await RawInsertAsync(new BenchmarkDatabase(rawFile));
        var openFile = Copy(seeded, Path.Combine(folder, "open.db"));
        var database = new BenchmarkDatabase(openFile);
        await using (var db = database.CreateContext())
        {
            await db.Obligations.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, ObligationStatus.InProgress));
        }

        var handler = new OpenReportingCyclesHandler(database, timers, WorkingDays, DeadlineRules.Default, time, NullLogger<OpenReportingCyclesHandler>.Instance);
        var watch = Stopwatch.StartNew();
        var report = await handler.Handle(new OpenReportingCyclesCommand(Today), CancellationToken.None);
        watch.Stop();
        measures.Add(new Measure($"open {report.Opened:N0} cycles with {report.Tasks:N0} tasks", "< 2x reference", watch.Elapsed.TotalMilliseconds, raw, "raw batched insert of the same rows"));

        //    The first quarter after registration: every obligation also moves to InProgress, with its history line.
        var firstDatabase = new BenchmarkDatabase(Copy(seeded, Path.Combine(folder, "first.db")));
        watch.Restart();
        var first = await new OpenReportingCyclesHandler(firstDatabase, timers, WorkingDays, DeadlineRules.Default, time, NullLogger<OpenReportingCyclesHandler>.Instance)
            .Handle(new OpenReportingCyclesCommand(Today), CancellationToken.None);
        watch.Stop();
        measures.Add(new Measure($"first opening after registration: {first.Opened:N0} cycles, and {first.Opened:N0} obligations to InProgress", "–", watch.Elapsed.TotalMilliseconds, raw, "raw batched insert of the cycles and tasks"));

        // 2. The deadline sweep over every task, on the day of the first reminder.
        var reminderDay = timers.DateOf(CycleTimer.FirstReminder, await FirstDeadlinesAsync(database));
        var sweeper = new SweepDeadlinesHandler(database, timers, new FixedTime(new DateTimeOffset(MunicipalTime.ToUtc(reminderDay, new TimeOnly(6, 0)), TimeSpan.Zero)), NullLogger<SweepDeadlinesHandler>.Instance);
        watch.Restart();
        var swept = await sweeper.Handle(new SweepDeadlinesCommand(reminderDay), CancellationToken.None);
        watch.Stop();
        measures.Add(new Measure($"deadline sweep over {report.Tasks:N0} tasks ({swept.TimersFired:N0} cycle timers, {swept.Notifications:N0} notifications)", "< 1 s", watch.Elapsed.TotalMilliseconds, null, null));

        // 3. Every cycle through six transitions, guards checked and journal written.
        await MarkAllValuesExplainedAsync(database);
        watch.Restart();
        var moved = await SixTransitionsAsync(database);
        watch.Stop();
        measures.Add(new Measure($"{moved:N0} cycles through six transitions each", "< 3 s", watch.Elapsed.TotalMilliseconds, null, null));

        Directory.Delete(folder, recursive: true);
        return new BenchmarkResults(count, report.Tasks, measures, Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024);
    }

    private static string Copy(string from, string to)
    {
        SqliteConnection.ClearAllPools();
        File.Copy(from, to);
        return to;
    }

    internal static async Task<StepDeadlines> FirstDeadlinesAsync(ISystemDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ReportingCycles.Select(c => c.Deadlines).FirstAsync();
    }

    /// <summary>
    /// A municipality with a team, an alderman, 12 indicators, a staff member and <paramref name="count"/> quarterly motions.
    /// The first is Maastricht with staff member m@example.test; further ones (<paramref name="municipality"/> 1, 2, …) are
    /// numbered municipalities with staff member m{n}@example.test.
    /// </summary>
    internal static async Task SeedAsync(ISystemDatabase database, int count, int municipality = 0)
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var now = DateTime.UtcNow;
        var place = municipality == 0 ? new Municipality("Maastricht", "GM0935") : new Municipality($"Gemeente {municipality}", $"GM{9000 + municipality}");
        var team = new Team(place.Id, "Onderzoek en Statistiek");
        var alderman = new Alderman(place.Id, "Jeroen Hoenderkamp", "Wethouder WMO");
        var indicators = Enumerable.Range(1, 12).Select(i => new Indicator(place.Id, $"IND-{i:00}", new IndicatorSpecification
        {
            Name = $"Indicator {i}", Definition = "Definitie", Kind = IndicatorKind.Count, Source = "Monitor", ResponsibleTeamId = team.Id,
        }, now)).ToList();
        db.AddRange(place, team, alderman);
        db.AddRange(indicators);
        var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == "MEDEWERKER");
        if (role is null)
        {
            role = new IdentityRole("Medewerker") { NormalizedName = "MEDEWERKER" };
            db.Roles.Add(role);
        }

        var name = municipality == 0 ? "m" : $"m{municipality}";
        var user = new Domain.Accounts.ApplicationUser { UserName = name, Email = $"{name}@example.test", DisplayName = "M", MunicipalityId = place.Id, TeamId = team.Id };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();

        for (var start = 0; start < count; start += 500)
        {
            await using var batch = database.CreateContext();
            batch.Obligations.AddRange(Enumerable.Range(start, Math.Min(500, count - start)).Select(n => new Motion(place.Id, new ObligationDetails
            {
                Reference = $"M-{n:00000}",
                Title = $"Motie {n}",
                Text = "Verzoekt het college elk kwartaal te rapporteren.",
                AdoptedOn = new DateOnly(2025, 1, 14),
                RegisteredOn = new DateOnly(2025, 1, 14),
                Meeting = new Meeting("Gemeenteraad", new DateOnly(2025, 1, 14)),
                ResponsibleAldermen = [alderman.Id],
                PolicyArea = "Sociaal domein (breed)",
                Cadence = Cadence.Quarterly,
                ReportingFrom = new DateOnly(2025, 7, 1),
                RequiredIndicators = [.. indicators.Select((i, p) => new RequiredIndicator(i.Id, p + 1, null))],
                SubmittingParties = ["PvdA"],
            }, now, "Griffie")));
            await batch.SaveChangesAsync();
        }
    }

    /// <summary>The reference: the same cycles, tasks and journal lines written with prepared statements in one transaction.</summary>
    private static async Task<double> RawInsertAsync(BenchmarkDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var obligations = new List<(string Id, string Municipality, string Reference)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, MunicipalityId, Reference FROM Obligations";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                obligations.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var indicators = new List<(string Id, string Code)>();
        string team;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, Code FROM Indicators";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indicators.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM Teams";
            team = (string)(await read.ExecuteScalarAsync())!;
        }

        var watch = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var cycle = connection.CreateCommand();
        cycle.CommandText = "INSERT INTO ReportingCycles (Id, ObligationId, MunicipalityId, Period, Status, IsImported, Version, ValuesDue, DraftDue, ApprovalsDue, SendToCouncil, NextTimer, NextTimerOn, RequiredValues, OutstandingValues) " +
                            "VALUES ($id, $o, $m, '2025-Q3', 'Open', 0, 0, '2025-10-21', '2025-10-28', '2025-11-04', '2025-11-07', 'FirstReminder', '2025-10-14', 12, 12)";
        var (cId, cO, cM) = (cycle.Parameters.Add("$id", SqliteType.Text), cycle.Parameters.Add("$o", SqliteType.Text), cycle.Parameters.Add("$m", SqliteType.Text));
        await using var journal = connection.CreateCommand();
        journal.CommandText = "INSERT INTO ReportingCycleJournal (CycleId, Sequence, AtUtc, Actor, \"From\", \"To\", \"Trigger\") VALUES ($c, 1, '2025-09-30 04:00:00', 'Governance (planning)', 'Scheduled', 'Open', 'Open')";
        var jC = journal.Parameters.Add("$c", SqliteType.Text);
        await using var task = connection.CreateCommand();
        task.CommandText = "INSERT INTO IndicatorTasks (Id, CycleId, ObligationReference, IndicatorId, IndicatorCode, DefinitionVersion, TeamId, DueDate, Status) " +
                           "VALUES ($id, $c, $r, $i, $code, 1, $t, '2025-10-21', 'Open')";
        var (tId, tC, tI, tT) = (task.Parameters.Add("$id", SqliteType.Text), task.Parameters.Add("$c", SqliteType.Text), task.Parameters.Add("$i", SqliteType.Text), task.Parameters.Add("$t", SqliteType.Text));
        var (tR, tCode) = (task.Parameters.Add("$r", SqliteType.Text), task.Parameters.Add("$code", SqliteType.Text));
        foreach (var command in new[] { cycle, journal, task })
        {
            command.Transaction = transaction;
            await command.PrepareAsync();
        }

        tT.Value = team;
        foreach (var (obligation, municipality, reference) in obligations)
        {
            var id = Guid.CreateVersion7().ToString();
            (cId.Value, cO.Value, cM.Value) = (id, obligation, municipality);
            await cycle.ExecuteNonQueryAsync();
            jC.Value = id;
            await journal.ExecuteNonQueryAsync();
            tR.Value = reference;
            foreach (var (indicator, code) in indicators)
            {
                (tId.Value, tC.Value, tI.Value, tCode.Value) = (Guid.CreateVersion7().ToString(), id, indicator, code);
                await task.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    internal static async Task MarkAllValuesExplainedAsync(ISystemDatabase database)
    {
        await using var db = database.CreateContext();
        await db.IndicatorTasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, IndicatorTaskStatus.NotAvailable));
        await db.ReportingCycles.ExecuteUpdateAsync(s => s.SetProperty(c => c.OutstandingValues, 0));
    }

    internal static async Task<int> SixTransitionsAsync(ISystemDatabase database)
    {
        var moved = 0;
        var now = DateTime.UtcNow;
        ReportingCycleWorkflow.Trigger[] steps =
        [
            ReportingCycleWorkflow.Trigger.Complete, ReportingCycleWorkflow.Trigger.StartDrafting, ReportingCycleWorkflow.Trigger.SubmitForApproval,
            ReportingCycleWorkflow.Trigger.Approve, ReportingCycleWorkflow.Trigger.Send, ReportingCycleWorkflow.Trigger.Close,
        ];
        ReportingCycleId? after = null;
        while (true)
        {
            await using var db = database.CreateContext();
            // The guards read the cycle's count of outstanding values, so the tasks stay in the database.
            var query = db.ReportingCycles.Where(c => c.Status == ReportingCycleStatus.Open);
            var batch = await query.OrderBy(c => c.Id).Take(2_000).ToListAsync();
            if (batch.Count == 0)
            {
                return moved;
            }

            foreach (var cycle in batch)
            {
                var workflow = new ReportingCycleWorkflow(cycle, now, "Benchmark", () => true);
                foreach (var step in steps)
                {
                    if (!workflow.Fire(step).Succeeded)
                    {
                        throw new InvalidOperationException($"{step} refused for {cycle.Id}");
                    }
                }

                moved++;
            }

            await db.SaveChangesAsync();
            after = batch[^1].Id;
        }
    }
}

/// <summary>A clock that stands still, for measuring a day's jobs.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
