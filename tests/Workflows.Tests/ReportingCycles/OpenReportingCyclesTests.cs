using Governance.Domain.Commitments;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Workflows.Tests.ReportingCycles;

public sealed class OpenReportingCyclesOnSqliteTests() : OpenReportingCyclesTests(DatabaseProvider.Sqlite);

/// <summary>The same rules against a real PostgreSQL server: two runs at once open each cycle once.</summary>
public sealed class OpenReportingCyclesOnPostgresTests() : OpenReportingCyclesTests(DatabaseProvider.Postgres);

public abstract class OpenReportingCyclesTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 11, 25);
    private readonly SqliteSystemDatabase _database;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 25, 5, 0, 0, TimeSpan.Zero));

    protected OpenReportingCyclesTests(DatabaseProvider provider)
    {
        _database = new SqliteSystemDatabase(provider);
        Seed();
    }

    public void Dispose()
    {
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_due_cycles_open_with_a_task_per_indicator_and_their_obligations_start()
    {
        var report = await Open();
        Assert.Equal(4, report.Opened);
        Assert.Equal(3 * 2 + 1 * 1, report.Tasks);

        await using var db = _database.CreateContext();
        var cycles = await db.ReportingCycles.Include(c => c.Tasks).ToListAsync();
        Assert.Equal(["2025-H1", "2025-Q1", "2025-Q2", "2025-Q3"], cycles.Select(c => c.Period.Code).Order());
        Assert.All(cycles, c => Assert.Equal(ReportingCycleStatus.Open, c.Status));
        Assert.All(cycles, c => Assert.Equal((ReportingCycleStatus.Scheduled, ReportingCycleStatus.Open, OpenReportingCyclesHandler.Actor),
            (c.Journal.Single().From, c.Journal.Single().To, c.Journal.Single().Actor)));
        var h1 = cycles.Single(c => c.Period.Code == "2025-H1");
        Assert.Equal(new DateOnly(2025, 8, 21), h1.Deadlines.ValuesDue);
        Assert.All(h1.Tasks, t => Assert.Equal(new DateOnly(2025, 8, 21), t.DueDate));
        Assert.All(await db.Obligations.Where(o => o.Cadence != Cadence.Once).ToListAsync(), o => Assert.Equal(ObligationStatus.InProgress, o.Status));
        Assert.Equal(ObligationStatus.Registered, (await db.Obligations.SingleAsync(o => o.Cadence == Cadence.Once)).Status);
    }

    [Fact]
    public async Task Opening_twice_creates_no_duplicate_cycles_or_tasks()
    {
        await Open();
        var second = await Open();
        Assert.Equal(0, second.Opened);
        await using var db = _database.CreateContext();
        Assert.Equal(4, await db.ReportingCycles.CountAsync());
        Assert.Equal(7, await db.IndicatorTasks.CountAsync());
    }

    [Fact]
    public async Task A_run_interrupted_half_way_leaves_no_half_open_cycle_and_a_rerun_finishes_the_work()
    {
        // Batches of one obligation each (its periods stay together: the quarterly motion's three, the half-yearly one's
        // one, the one-off commitment's none yet): the second save crashes. SQLite has written the first batch by then;
        // PostgreSQL writes batches side by side, so the other may be in or not: whatever is in is whole.
        _database.CrashOnSave(2);
        await Assert.ThrowsAsync<IOException>(() => Open(batchSize: 1));
        int written;
        await using (var db = _database.CreateContext())
        {
            var cycles = await db.ReportingCycles.Include(c => c.Tasks).ToListAsync();
            foreach (var obligation in cycles.GroupBy(c => c.ObligationId))
            {
                var periods = (await db.Obligations.SingleAsync(o => o.Id == obligation.Key)).Cadence == Cadence.Quarterly ? ["2025-Q1", "2025-Q2", "2025-Q3"] : new[] { "2025-H1" };
                Assert.Equal(periods, obligation.Select(c => c.Period.Code).Order());
            }

            Assert.All(cycles, c => Assert.Equal(c.Period.Kind == PeriodKind.HalfYear ? 1 : 2, c.Tasks.Count));
            written = cycles.Count;
            Assert.True(written < 4, "the crash stopped nothing");
            if (db.Database.IsSqlite())
            {
                Assert.Single(cycles.Select(c => c.ObligationId).Distinct());
            }
        }

        var rerun = await Open(batchSize: 1);
        Assert.Equal(4 - written, rerun.Opened);
        await using var check = _database.CreateContext();
        Assert.Equal(4, await check.ReportingCycles.CountAsync());
        Assert.Equal(7, await check.IndicatorTasks.CountAsync());
    }

    [Fact]
    public async Task Two_runs_at_once_open_each_cycle_once()
    {
        var runs = await Task.WhenAll(Open(batchSize: 1), Open(batchSize: 1));
        Assert.Equal(4, runs.Sum(r => r.Opened));
        await using var db = _database.CreateContext();
        Assert.Equal(4, await db.ReportingCycles.CountAsync());
        Assert.Equal(7, await db.IndicatorTasks.CountAsync());
    }

    [Fact]
    public async Task A_missing_planning_date_skips_the_obligation_with_a_reason_and_opens_the_rest()
    {
        await using (var db = _database.CreateContext())
        {
            db.PlanningYears.RemoveRange(db.PlanningYears);
            await db.SaveChangesAsync();
        }

        var report = await Open();
        Assert.Equal(3, report.Opened);
        Assert.Contains(report.Skipped, s => s.StartsWith("M-2021-047", StringComparison.Ordinal) && s.Contains("1e berap"));
    }

    [Fact]
    public async Task A_lapsed_obligation_gets_no_cycle()
    {
        await using (var db = _database.CreateContext())
        {
            var quarterly = await db.Obligations.SingleAsync(o => o.Cadence == Cadence.Quarterly);
            quarterly.EnterStatus(ObligationStatus.Lapsed, Cycles.Now, "Griffie", "Ingetrokken");
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, (await Open()).Opened);
    }

    private async Task<OpeningReport> Open(int batchSize = 200)
    {
        var handler = new OpenReportingCyclesHandler(
            _database, new CycleTimers(WorkingDayCalendar.Dutch(DutchPublicHolidays.Default), TimerRules.Default), WorkingDayCalendar.Dutch(DutchPublicHolidays.Default), DeadlineRules.Default, _time, NullLogger<OpenReportingCyclesHandler>.Instance);
        return await handler.Handle(new OpenReportingCyclesCommand(Today, batchSize), CancellationToken.None);
    }

    [Fact]
    public async Task A_commitment_registered_today_with_a_report_due_soon_opens_with_time_to_supply_its_values()
    {
        // Registered on the opening day (25 November) for the council of 9 December: counted back from that date its values
        // would have been due on 18 November, before it was known.
        await using (var db = _database.CreateContext())
        {
            var team = await db.Teams.SingleAsync();
            var indicator = await db.Indicators.FirstAsync();
            var alderman = await db.Aldermen.SingleAsync();
            db.Obligations.Add(new Commitment(team.MunicipalityId, new ObligationDetails
            {
                Reference = "T-2025-200", Title = "Nieuw", Text = "Tekst", AdoptedOn = Today, Meeting = new Meeting("Commissie", Today),
                ResponsibleAldermen = [alderman.Id], PolicyArea = "Wmo", Cadence = Cadence.Once, DueDate = new DateOnly(2025, 12, 9),
                RequiredIndicators = [new RequiredIndicator(indicator.Id, 1, null)], SubmittingParties = [],
            }, _time.GetUtcNow().UtcDateTime, "Griffie"));
            await db.SaveChangesAsync();
        }

        await Open();

        await using var check = _database.CreateContext();
        var id = await check.Obligations.Where(o => o.Reference == "T-2025-200").Select(o => o.Id).SingleAsync();
        var cycle = await check.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.ObligationId == id);
        var workingDays = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);
        Assert.Equal(workingDays.AddWorkingDays(Today, DeadlineRules.Default.FirstValuesAfterRegistration), cycle.Deadlines.ValuesDue);
        Assert.True(cycle.Deadlines.DraftDue > cycle.Deadlines.ValuesDue && cycle.Deadlines.ApprovalsDue > cycle.Deadlines.DraftDue);
        Assert.True(cycle.Deadlines.SendToCouncil >= cycle.Deadlines.ApprovalsDue);
        Assert.All(cycle.Tasks, t => Assert.Equal(cycle.Deadlines.ValuesDue, t.DueDate));
    }

    private void Seed()
    {
        using var db = _database.CreateContext();
        var maastricht = new Municipality("Maastricht", "GM0935");
        var team = new Team(maastricht.Id, "Onderzoek en Statistiek");
        var alderman = new Alderman(maastricht.Id, "Jeroen Hoenderkamp", "Wethouder WMO");
        Indicator Define(string code, IndicatorKind kind) => new(maastricht.Id, code, new IndicatorSpecification
        {
            Name = code, Definition = code, Kind = kind, Source = "Monitor", ResponsibleTeamId = team.Id,
            Unit = kind == IndicatorKind.Percentage ? "%" : null,
        }, Cycles.Now);
        var count = Define("WMO-AANVRAGEN", IndicatorKind.Count);
        var share = Define("WMO-TIJDIG", IndicatorKind.Percentage);
        var poverty = Define("ARM-KINDEREN", IndicatorKind.Percentage);
        ObligationDetails Details(string reference, Cadence cadence, Indicator[] indicators, DateOnly? due = null) => new()
        {
            Reference = reference,
            Title = reference,
            Text = "Tekst",
            AdoptedOn = new DateOnly(2024, 12, 17),
            Meeting = new Meeting("Gemeenteraad", new DateOnly(2024, 12, 17)),
            ResponsibleAldermen = [alderman.Id],
            PolicyArea = "Wmo",
            Cadence = cadence,
            DueDate = due,
            ReportingFrom = cadence == Cadence.Once ? null : new DateOnly(2025, 1, 1),
            RequiredIndicators = [.. indicators.Select((i, n) => new RequiredIndicator(i.Id, n + 1, null))],
            SubmittingParties = cadence == Cadence.Once ? [] : ["PvdA"],
            RegisteredOn = new DateOnly(2024, 12, 17), // followed since its adoption: the clock starts before Cycles.Now
        };
        var planning2025 = new PlanningYear(maastricht.Id, 2025);
        planning2025.SetFirstManagementReport(new DateOnly(2025, 9, 9));
        planning2025.SetAnnualAccounts(new DateOnly(2026, 6, 9));
        db.AddRange(maastricht, team, alderman, count, share, poverty, planning2025,
            new Motion(maastricht.Id, Details("M-2025-001", Cadence.Quarterly, [count, share]), Cycles.Now, "Griffie"),
            new Motion(maastricht.Id, Details("M-2021-047", Cadence.HalfYearly, [poverty]), Cycles.Now, "Griffie"),
            new Commitment(maastricht.Id, Details("T-2025-009", Cadence.Once, [count], new DateOnly(2026, 3, 2)), Cycles.Now, "Griffie"));
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
