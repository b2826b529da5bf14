using Governance.Domain.Accounts;
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
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Workflows.Tests.ReportingCycles;

public sealed class TwoYearClockOnSqliteTests() : TwoYearClockTests(DatabaseProvider.Sqlite);

public sealed class TwoYearClockOnPostgresTests() : TwoYearClockTests(DatabaseProvider.Postgres);

/// <summary>
/// Drives the clock through two whole years, running the daily opening and the deadline sweep each
/// morning, for a quarterly motion, a half-yearly P&amp;C motion and a one-off commitment. The quarterly
/// reports go through every step (values in on their deadline, the draft offered on its deadline, approved
/// a day late, sent on time); the others never get their values. Every cycle, task, reminder and escalation
/// of every step must happen exactly once, on its (working) day, and nothing for a step already done. On
/// SQLite and on a real PostgreSQL server, since the sweep groups the open work in the database.
/// </summary>
public abstract class TwoYearClockTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);
    private readonly SqliteSystemDatabase _database;
    private readonly FakeTimeProvider _time = new();
    private readonly WorkingDayCalendar _workingDays = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);
    private readonly List<PlanningYear> _planning = [];
    private readonly Dictionary<string, string> _users = [];

    protected TwoYearClockTests(DatabaseProvider provider)
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
    public async Task Every_cycle_task_reminder_and_escalation_happens_once_on_its_working_day()
    {
        var openedOn = new Dictionary<(string Reference, string Period), DateOnly>();
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            _time.SetUtcNow(new DateTimeOffset(MunicipalTime.ToUtc(day, new TimeOnly(6, 0)), TimeSpan.Zero));
            var opening = await new OpenReportingCyclesHandler(_database, Timers(), _workingDays, DeadlineRules.Default, _time, NullLogger<OpenReportingCyclesHandler>.Instance)
                .Handle(new OpenReportingCyclesCommand(day), CancellationToken.None);
            if (opening.Opened > 0)
            {
                await using var db = _database.CreateContext();
                foreach (var c in await db.ReportingCycles.Join(db.Obligations, c => c.ObligationId, o => o.Id, (c, o) => new { o.Reference, c.Period }).ToListAsync())
                {
                    openedOn.TryAdd((c.Reference, c.Period.Code), day);
                }
            }

            await new SweepDeadlinesHandler(_database, Timers(), _time, NullLogger<SweepDeadlinesHandler>.Instance)
                .Handle(new SweepDeadlinesCommand(day), CancellationToken.None);
            await WorkTheQuarterlyReportsAsync(day);
        }

        var schedule = new ReportingSchedule(new PlanningCalendar(_planning), _workingDays, DeadlineRules.Default);
        var expectedCycles = new List<(string Reference, ReportingPeriod Period, StepDeadlines Deadlines)>();
        foreach (var (reference, cadence, due) in new[] { ("M-Q", Cadence.Quarterly, (DateOnly?)null), ("M-H", Cadence.HalfYearly, null), ("T-1", Cadence.Once, new DateOnly(2025, 10, 1)) })
        {
            var periods = cadence == Cadence.Once
                ? [ReportingPeriod.OnDate(due!.Value)]
                : cadence.PeriodsEndingBetween(First, Last.AddYears(1));
            foreach (var period in periods)
            {
                var deadlines = schedule.DeadlinesFor(cadence, period).Value;
                if (schedule.OpensOn(deadlines) <= Last)
                {
                    expectedCycles.Add((reference, period, deadlines));
                }
            }
        }

        // Cycles: each exactly once, on the day it opens (8 quarters, 3 P&C reports: the 2026 accounts open in 2027, 1 one-off).
        Assert.Equal(12, expectedCycles.Count);
        Assert.Equal(expectedCycles.Count, openedOn.Count);
        foreach (var (reference, period, deadlines) in expectedCycles)
        {
            Assert.Equal(schedule.OpensOn(deadlines), openedOn[(reference, period.Code)]);
        }

        await using var check = _database.CreateContext();
        Assert.Equal(expectedCycles.Count, await check.ReportingCycles.CountAsync());
        Assert.Equal(expectedCycles.Sum(c => c.Reference == "M-Q" ? 2 : 1), await check.IndicatorTasks.CountAsync());

        // Reminders and escalations: one per cycle, stage and person, on the stage's working day.
        var notifications = await check.Notifications.ToListAsync();
        var cycles = await check.ReportingCycles.Join(check.Obligations, c => c.ObligationId, o => o.Id, (c, o) => new { c.Id, o.Reference, c.Period, c.Deadlines }).ToListAsync();
        var timers = Timers();
        var expected = new List<(string Key, string User, DateOnly On)>();
        foreach (var cycle in cycles)
        {
            (CycleTimer, string)[] stages = cycle.Reference == "M-Q"
                ?
                [
                    (CycleTimer.FirstReminder, "medewerker"), (CycleTimer.LastReminder, "medewerker"), (CycleTimer.DraftReminder, "medewerker"),
                    (CycleTimer.DraftReminder, "teamleider"), (CycleTimer.ApprovalsReminder, "wethouder"), (CycleTimer.ApprovalsOverdue, "griffie"),
                    (CycleTimer.SendReminder, "griffie"),
                ]
                : [(CycleTimer.FirstReminder, "medewerker"), (CycleTimer.LastReminder, "medewerker"), (CycleTimer.EscalateToTeamLead, "teamleider"), (CycleTimer.EscalateToGriffie, "griffie")];
            foreach (var (stage, user) in stages)
            {
                var on = timers.DateOf(stage, cycle.Deadlines);
                if (on <= Last)
                {
                    expected.Add(($"cycle:{cycle.Id}:{stage}", _users[user], on));
                }
            }
        }

        Assert.Contains(expected, e => e.Key.EndsWith(":SendReminder", StringComparison.Ordinal));
        var overdue = notifications.First(n => n.EventKey.EndsWith(":ApprovalsOverdue", StringComparison.Ordinal));
        Assert.EndsWith("Nog niet goedgekeurd door Jeroen Hoenderkamp.", overdue.Body, StringComparison.Ordinal);
        Assert.True(expected.Count >= 60, $"only {expected.Count} timed events in two years");
        Assert.Equal(expected.Count, notifications.Count);
        foreach (var (key, user, on) in expected)
        {
            var sent = Assert.Single(notifications, n => n.EventKey == key && n.RecipientUserId == user);
            Assert.Equal(on, DateOnly.FromDateTime(MunicipalTime.ToLocal(sent.CreatedAtUtc)));
            Assert.True(_workingDays.IsWorkingDay(on));
        }
    }

    [Fact]
    public async Task A_value_submitted_in_time_stops_the_reminders_and_escalations_of_its_task()
    {
        var day = new DateOnly(2025, 3, 31);
        _time.SetUtcNow(new DateTimeOffset(MunicipalTime.ToUtc(day, new TimeOnly(6, 0)), TimeSpan.Zero));
        await new OpenReportingCyclesHandler(_database, Timers(), _workingDays, DeadlineRules.Default, _time, NullLogger<OpenReportingCyclesHandler>.Instance)
            .Handle(new OpenReportingCyclesCommand(day), CancellationToken.None);
        await using (var db = _database.CreateContext())
        {
            var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync();
            var indicators = await db.Indicators.Include(i => i.Definitions).ToListAsync();
            foreach (var task in cycle.Tasks)
            {
                var definition = indicators.Single(i => i.Id == task.IndicatorId).Current;
                task.Record(definition, IndicatorValue.OfNumber(10), null, "Monitor", "Sanne", _time.GetUtcNow().UtcDateTime);
                Assert.True(new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Submit).Succeeded);
            }

            await db.SaveChangesAsync();
        }

        var sweep = await new SweepDeadlinesHandler(_database, Timers(), _time, NullLogger<SweepDeadlinesHandler>.Instance)
            .Handle(new SweepDeadlinesCommand(new DateOnly(2025, 6, 30)), CancellationToken.None);
        Assert.Equal(0, sweep.Notifications);
        await using var check = _database.CreateContext();
        Assert.All(await check.ReportingCycles.ToListAsync(), c => Assert.Equal(CycleTimer.Done, c.NextTimer));
    }

    [Fact]
    public async Task A_reminder_names_the_indicators_still_open_and_an_escalation_lists_them()
    {
        var day = new DateOnly(2025, 3, 31);
        _time.SetUtcNow(new DateTimeOffset(MunicipalTime.ToUtc(day, new TimeOnly(6, 0)), TimeSpan.Zero));
        await new OpenReportingCyclesHandler(_database, Timers(), _workingDays, DeadlineRules.Default, _time, NullLogger<OpenReportingCyclesHandler>.Instance)
            .Handle(new OpenReportingCyclesCommand(day), CancellationToken.None);
        var reminderDay = ValuesTimer(CycleTimer.FirstReminder, new DateOnly(2025, 4, 22));
        var escalationDay = ValuesTimer(CycleTimer.EscalateToTeamLead, new DateOnly(2025, 4, 22));
        await using (var db = _database.CreateContext())
        {
            var cycle = await db.ReportingCycles.Include(c => c.Tasks).SingleAsync();
            var a = await db.Indicators.Include(i => i.Definitions).SingleAsync(i => i.Code == "A");
            var task = cycle.Tasks.Single(t => t.IndicatorId == a.Id);
            task.Record(a.Current, IndicatorValue.OfNumber(10), null, "Monitor", "Sanne", _time.GetUtcNow().UtcDateTime);
            Assert.True(new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Submit).Succeeded);
            await db.SaveChangesAsync();
        }

        foreach (var on in new[] { reminderDay, escalationDay })
        {
            _time.SetUtcNow(new DateTimeOffset(MunicipalTime.ToUtc(on, new TimeOnly(6, 0)), TimeSpan.Zero));
            await new SweepDeadlinesHandler(_database, Timers(), _time, NullLogger<SweepDeadlinesHandler>.Instance)
                .Handle(new SweepDeadlinesCommand(on), CancellationToken.None);
        }

        await using var check = _database.CreateContext();
        var reminder = await check.Notifications.SingleAsync(n => n.RecipientUserId == _users["medewerker"]);
        Assert.Equal("Herinnering: M-Q, 1e kwartaal 2025, uiterlijk 22 april 2025", reminder.Subject);
        Assert.Equal("Voor 'M-Q' (1e kwartaal 2025) moet de waarde van 'B' uiterlijk 22 april 2025 zijn aangeleverd.", reminder.Body);
        var escalation = await check.Notifications.SingleAsync(n => n.RecipientUserId == _users["teamleider"]);
        Assert.StartsWith("Te laat: M-Q", escalation.Subject, StringComparison.Ordinal);
        Assert.Contains("de waarde van 'B'", escalation.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("'A'", escalation.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_someone_is_away_the_substitute_gets_their_reminders()
    {
        await using (var db = _database.CreateContext())
        {
            var away = await db.Users.SingleAsync(u => u.Id == _users["medewerker"]);
            away.SubstituteUserId = _users["vervanger"];
            away.AwayUntil = new DateOnly(2025, 12, 31);
            await db.SaveChangesAsync();
        }

        var day = new DateOnly(2025, 3, 31);
        _time.SetUtcNow(new DateTimeOffset(MunicipalTime.ToUtc(day, new TimeOnly(6, 0)), TimeSpan.Zero));
        await new OpenReportingCyclesHandler(_database, Timers(), _workingDays, DeadlineRules.Default, _time, NullLogger<OpenReportingCyclesHandler>.Instance)
            .Handle(new OpenReportingCyclesCommand(day), CancellationToken.None);
        var reminderDay = ValuesTimer(CycleTimer.FirstReminder, new DateOnly(2025, 4, 22));
        _time.SetUtcNow(new DateTimeOffset(MunicipalTime.ToUtc(reminderDay, new TimeOnly(6, 0)), TimeSpan.Zero));
        await new SweepDeadlinesHandler(_database, Timers(), _time, NullLogger<SweepDeadlinesHandler>.Instance)
            .Handle(new SweepDeadlinesCommand(reminderDay), CancellationToken.None);

        await using var check = _database.CreateContext();
        var recipients = await check.Notifications.Select(n => n.RecipientUserId).ToListAsync();
        Assert.Contains(_users["vervanger"], recipients);
        Assert.DoesNotContain(_users["medewerker"], recipients);
    }

    private CycleTimers Timers() => new(_workingDays, TimerRules.Default);

    private DateOnly ValuesTimer(CycleTimer timer, DateOnly valuesDue) => Timers().DateOf(timer, new StepDeadlines(valuesDue, valuesDue, valuesDue, valuesDue));

    /// <summary>
    /// The quarterly reports, worked as a team would, after the morning's sweep: every value in on the values deadline and
    /// the drafting started, the draft offered on the draft deadline, approved the working day after the approvals
    /// deadline (a day late), sent on the sending deadline.
    /// </summary>
    private async Task WorkTheQuarterlyReportsAsync(DateOnly day)
    {
        await using var db = _database.CreateContext();
        var quarterly = db.Obligations.Where(o => o.Reference == "M-Q").Select(o => o.Id);
        var cycles = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values)
            .Where(c => quarterly.Contains(c.ObligationId) && c.Status != ReportingCycleStatus.Sent).ToListAsync();
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var cycle in cycles)
        {
            var flow = new ReportingCycleWorkflow(cycle, now, "Team", allApprovalsIn: () => true);
            if (day == cycle.Deadlines.ValuesDue)
            {
                var indicators = await db.Indicators.Include(i => i.Definitions).ToListAsync();
                foreach (var task in cycle.Tasks)
                {
                    Assert.True(task.Record(indicators.Single(i => i.Id == task.IndicatorId).Current, IndicatorValue.OfNumber(10), null, "Monitor", "Sanne", now).Succeeded);
                    Assert.True(new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Submit).Succeeded);
                }

                Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.Complete).Succeeded);
                Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.StartDrafting).Succeeded);
            }
            else if (day == cycle.Deadlines.DraftDue)
            {
                Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.SubmitForApproval).Succeeded);
            }
            else if (day == _workingDays.AddWorkingDays(cycle.Deadlines.ApprovalsDue, 1))
            {
                Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.Approve).Succeeded);
            }
            else if (day == cycle.Deadlines.SendToCouncil)
            {
                Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.Send).Succeeded);
            }
        }

        await db.SaveChangesAsync();
    }

    private void Seed()
    {
        using var db = _database.CreateContext();
        var maastricht = new Municipality("Maastricht", "GM0935");
        var team = new Team(maastricht.Id, "Onderzoek en Statistiek");
        var alderman = new Alderman(maastricht.Id, "Jeroen Hoenderkamp", "Wethouder WMO");
        Indicator Define(string code) => new(maastricht.Id, code, new IndicatorSpecification
        {
            Name = code, Definition = code, Kind = IndicatorKind.Count, Source = "Monitor", ResponsibleTeamId = team.Id,
        }, Cycles.Now);
        var a = Define("A");
        var b = Define("B");
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
            ReportingFrom = cadence == Cadence.Once ? null : First,
            RequiredIndicators = [.. indicators.Select((i, n) => new RequiredIndicator(i.Id, n + 1, null))],
            SubmittingParties = cadence == Cadence.Once ? [] : ["PvdA"],
            RegisteredOn = new DateOnly(2024, 12, 17), // followed since its adoption: the clock starts before Cycles.Now
        };
        for (var year = 2025; year <= 2027; year++)
        {
            var planning = new PlanningYear(maastricht.Id, year);
            planning.SetFirstManagementReport(new DateOnly(year, 9, 9));
            planning.SetAnnualAccounts(new DateOnly(year + 1, 6, 9));
            _planning.Add(planning);
        }

        db.AddRange(maastricht, team, alderman, a, b);
        db.AddRange(_planning);
        db.Obligations.Add(new Motion(maastricht.Id, Details("M-Q", Cadence.Quarterly, [a, b]), Cycles.Now, "Griffie"));
        db.Obligations.Add(new Motion(maastricht.Id, Details("M-H", Cadence.HalfYearly, [a]), Cycles.Now, "Griffie"));
        db.Obligations.Add(new Commitment(maastricht.Id, Details("T-1", Cadence.Once, [b], new DateOnly(2025, 10, 1)), Cycles.Now, "Griffie"));

        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        foreach (var (name, role, inTeam) in new[]
                 {
                     ("medewerker", Roles.Medewerker, true), ("teamleider", Roles.Teamleider, true), ("griffie", Roles.Griffie, false), ("vervanger", Roles.Medewerker, false),
                     ("wethouder", Roles.Wethouder, false),
                 })
        {
            var user = new ApplicationUser
            {
                UserName = name, Email = $"{name}@maastricht.test", DisplayName = name, MunicipalityId = maastricht.Id, TeamId = inTeam ? team.Id : null,
                AldermanId = role == Roles.Wethouder ? alderman.Id : null,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
            _users[name] = user.Id;
        }

        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
