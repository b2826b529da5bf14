using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Persistence;

/// <summary>
/// A save that moves many cycles at once writes their journal lines in bulk (SQLite statements, PostgreSQL COPY): the lines read back
/// as journaled, numbered, and a save refused for a concurrent change leaves none of its lines behind.
/// </summary>
public abstract class JournalLinesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Cycles = JournalLines.BulkThreshold + 6;
    private static readonly DateTime Now = new(2025, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _database = TestDatabases.Create(provider);

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        var maastricht = new Municipality("Maastricht", "GM0935");
        var team = new Team(maastricht.Id, "Onderzoek en Statistiek");
        var alderman = new Alderman(maastricht.Id, "Jeroen Hoenderkamp", "Wethouder WMO");
        var indicator = new Indicator(maastricht.Id, "WMO-AANVRAGEN", new IndicatorSpecification
        {
            Name = "Aanvragen", Definition = "Definitie", Kind = IndicatorKind.Count, Source = "Monitor", ResponsibleTeamId = team.Id,
        }, Now);
        db.AddRange(maastricht, team, alderman, indicator);
        for (var i = 0; i < Cycles; i++)
        {
            var motion = new Motion(maastricht.Id, new ObligationDetails
            {
                Reference = $"M-{i:000}", Title = $"Motie {i}", Text = "Verzoekt het college…", AdoptedOn = new DateOnly(2025, 1, 14),
                Meeting = new Meeting("Gemeenteraad", new DateOnly(2025, 1, 14)), ResponsibleAldermen = [alderman.Id], PolicyArea = "Sociaal domein (breed)",
                Cadence = Cadence.Quarterly, ReportingFrom = new DateOnly(2025, 7, 1), RequiredIndicators = [new RequiredIndicator(indicator.Id, 1, null)],
                SubmittingParties = ["PvdA"],
            }, Now, "Griffie");
            db.AddRange(motion, ReportingCycle.Plan(motion, ReportingPeriod.Quarter(2025, 3),
                new StepDeadlines(new DateOnly(2025, 10, 21), new DateOnly(2025, 10, 28), new DateOnly(2025, 11, 4), new DateOnly(2025, 11, 7)), [indicator.Current]));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Many_cycles_moved_in_one_save_keep_every_journal_line_as_written()
    {
        await using (var db = Context())
        {
            foreach (var cycle in await db.ReportingCycles.Include(c => c.Tasks).ToListAsync())
            {
                var workflow = new ReportingCycleWorkflow(cycle, Now, "Griffie");
                Assert.True(workflow.Fire(ReportingCycleWorkflow.Trigger.Open).Succeeded);
                Assert.True(workflow.Fire(ReportingCycleWorkflow.Trigger.StartCollecting).Succeeded);
            }

            await db.SaveChangesAsync();
        }

        await using var check = Context();
        var cycles = await check.ReportingCycles.ToListAsync();
        Assert.Equal(Cycles, cycles.Count);
        Assert.All(cycles, c =>
        {
            Assert.Equal(ReportingCycleStatus.Collecting, c.Status);
            Assert.Equal(
                [(ReportingCycleStatus.Scheduled, ReportingCycleStatus.Open, "Open"), (ReportingCycleStatus.Open, ReportingCycleStatus.Collecting, "StartCollecting")],
                c.Journal.Select(j => (j.From, j.To, j.Trigger)));
            Assert.All(c.Journal, j => Assert.Equal(("Griffie", Now), (j.Actor, j.AtUtc)));
            Assert.Equal(1, c.Version);
        });
    }

    [Fact]
    public async Task A_save_refused_for_a_concurrent_change_leaves_none_of_its_journal_lines()
    {
        await using var db = Context();
        var cycles = await db.ReportingCycles.Include(c => c.Tasks).ToListAsync();
        foreach (var cycle in cycles)
        {
            Assert.True(new ReportingCycleWorkflow(cycle, Now, "Griffie").Fire(ReportingCycleWorkflow.Trigger.Open).Succeeded);
        }

        await using (var other = Context())
        {
            var lastId = cycles[^1].Id;
            var first = await other.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.Id == lastId);
            new ReportingCycleWorkflow(first, Now, "Someone else").Fire(ReportingCycleWorkflow.Trigger.Cancel, "Motie vervallen");
            await other.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        await using var check = Context();
        var journal = (await check.ReportingCycles.ToListAsync()).SelectMany(c => c.Journal).ToList();
        var line = Assert.Single(journal);
        Assert.Equal(("Someone else", ReportingCycleStatus.Cancelled), (line.Actor, line.To));
    }

    [Fact]
    public async Task Many_obligations_moved_in_one_save_keep_every_history_line_as_written()
    {
        var later = Now.AddHours(2);
        await using (var db = Context())
        {
            foreach (var motion in await db.Obligations.ToListAsync())
            {
                motion.EnterStatus(ObligationStatus.Lapsed, later, "Griffie", "Ingetrokken door de indieners");
            }

            await db.SaveChangesAsync();
        }

        await using var check = Context();
        var obligations = await check.Obligations.ToListAsync();
        Assert.Equal(Cycles, obligations.Count);
        Assert.All(obligations, o =>
        {
            var line = o.History.OrderBy(h => h.Sequence).Last();
            Assert.Equal((later, "Griffie", (ObligationStatus?)ObligationStatus.Registered, (ObligationStatus?)ObligationStatus.Lapsed, "Ingetrokken door de indieners"),
                (line.AtUtc, line.Actor, line.From, line.To, line.Reason));
            Assert.Equal(o.History.Count, line.Sequence);
        });
    }

    [Fact]
    public void Every_journal_and_history_of_the_model_is_written_in_bulk()
    {
        using var db = Context();
        var lines = db.Model.GetEntityTypes().Where(JournalLines.IsNumberedLine).ToList();
        Assert.Equal(["ObligationHistory", "ReportingCycleJournal"], lines.Select(t => t.GetTableName()).Order());
        Assert.All(lines, t => Assert.True(JournalLines.IsJournalLine(t), $"{t.GetTableName()} has a column type the bulk statement does not write"));
    }

    private GovernanceDbContext Context() => GovernanceDatabase.Create(_database.Provider, _database.ConnectionString, FixedMunicipalityContext.System);
}

public sealed class SqliteJournalLinesTests() : JournalLinesTests(DatabaseProvider.Sqlite);

public sealed class PostgresJournalLinesTests() : JournalLinesTests(DatabaseProvider.Postgres);
