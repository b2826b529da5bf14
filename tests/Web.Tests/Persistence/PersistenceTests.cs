using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Letters;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Persistence;

/// <summary>The storage rules, run against a real SQLite file and a real PostgreSQL server.</summary>
public abstract class PersistenceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2025, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly StepDeadlines Deadlines = new(new DateOnly(2026, 1, 22), new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 10));
    private readonly TestDatabase _database;
    private Seed _seed = null!;

    protected PersistenceTests(DatabaseProvider provider) => _database = TestDatabases.Create(provider);

    private sealed record Seed(MunicipalityId Maastricht, MunicipalityId Vaals, ObligationId Motion, Indicator Count, Indicator Breakdown, ReportingCycleId Cycle);

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        var maastricht = new Municipality("Maastricht", "GM0935");
        var vaals = new Municipality("Vaals", "GM0981");
        var team = new Team(maastricht.Id, "Onderzoek en Statistiek");
        var alderman = new Alderman(maastricht.Id, "Jeroen Hoenderkamp", "Wethouder WMO");
        var count = new Indicator(maastricht.Id, "WMO-AANVRAGEN", Spec(team.Id, IndicatorKind.Count), Now);
        var breakdown = new Indicator(maastricht.Id, "PW-STROMEN", Spec(team.Id, IndicatorKind.Breakdown, ["Instroom", "Uitstroom"]), Now);
        var motion = new Motion(maastricht.Id, new ObligationDetails
        {
            Reference = "M-2021-047",
            Title = "Halveren aantal kinderen in armoede 2030",
            Text = "Verzoekt het college…",
            AdoptedOn = new DateOnly(2021, 7, 13),
            Meeting = new Meeting("Gemeenteraad", new DateOnly(2021, 7, 13)),
            ResponsibleAldermen = [alderman.Id],
            PolicyArea = "Armoede en schuldhulpverlening",
            Cadence = Cadence.HalfYearly,
            EndDate = new DateOnly(2030, 12, 31),
            RequiredIndicators = [new RequiredIndicator(count.Id, 1, "a"), new RequiredIndicator(breakdown.Id, 2, "b")],
            SubmittingParties = ["PvdA"],
        }, Now, "Griffie");
        var cycle = ReportingCycle.Plan(motion, ReportingPeriod.HalfYear(2025, 1), Deadlines, [count.Current, breakdown.Current]);
        var planning = new PlanningYear(maastricht.Id, 2025);
        planning.SetCouncilMeetings([new DateOnly(2025, 12, 9), new DateOnly(2025, 1, 14)]);
        db.AddRange(maastricht, vaals, team, alderman, count, breakdown, motion, cycle, planning);
        await db.SaveChangesAsync();
        _seed = new Seed(maastricht.Id, vaals.Id, motion.Id, count, breakdown, cycle.Id);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_model_round_trips_with_its_value_objects()
    {
        await using var db = Context();
        var motion = (Motion)await db.Obligations.SingleAsync(o => o.Id == _seed.Motion);
        Assert.Equal(new Meeting("Gemeenteraad", new DateOnly(2021, 7, 13)), motion.Meeting);
        Assert.Equal(["PvdA"], motion.SubmittingParties);
        Assert.Equal(["a", "b"], motion.RequiredIndicators.Select(r => r.Label));
        Assert.Single(motion.ResponsibleAldermen);
        Assert.Single(motion.History);
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.ObligationId == _seed.Motion);
        Assert.Equal(ReportingPeriod.HalfYear(2025, 1), cycle.Period);
        Assert.Equal(Deadlines, cycle.Deadlines);
        var planning = await db.PlanningYears.SingleAsync();
        Assert.Equal([new DateOnly(2025, 1, 14), new DateOnly(2025, 12, 9)], planning.CouncilMeetings);
    }

    [Fact]
    public async Task Every_recorded_value_is_kept_with_its_breakdown_and_reason()
    {
        await using (var db = Context())
        {
            var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync(c => c.Id == _seed.Cycle);
            var task = cycle.TaskFor(_seed.Breakdown.Id)!;
            Assert.True(task.Record(_seed.Breakdown.Current, IndicatorValue.OfBreakdown([new("Instroom", 120), new("Uitstroom", 95)]), null, "Monitor", "Sanne", Now).Succeeded);
            Assert.True(task.Record(_seed.Breakdown.Current, IndicatorValue.NotAvailable("Registratie wordt omgezet."), "Correctie", null, "Sanne", Now.AddHours(1)).Succeeded);
            await db.SaveChangesAsync();
        }

        await using var read = Context();
        var values = await read.RecordedValues.Where(v => EF.Property<IndicatorTaskId>(v, "TaskId") != default).OrderBy(v => v.Sequence).ToListAsync();
        Assert.Equal(2, values.Count);
        Assert.Equal([new CategoryValue("Instroom", 120), new CategoryValue("Uitstroom", 95)], values[0].Value.Breakdown);
        Assert.Equal("Registratie wordt omgezet.", values[1].Value.NotAvailableReason);
        Assert.Equal(DateTimeKind.Utc, values[1].RecordedAtUtc.Kind);
        Assert.Equal(Now.AddHours(1), values[1].RecordedAtUtc);
    }

    [Fact]
    public async Task The_values_outstanding_are_stored_on_the_cycle_as_its_tasks_move()
    {
        await using (var db = Context())
        {
            var task = await db.IndicatorTasks.Include(t => t.Values).SingleAsync(t => t.CycleId == _seed.Cycle && t.IndicatorId == _seed.Count.Id);
            task.Record(_seed.Count.Current, IndicatorValue.OfNumber(2834), null, null, "Sanne", Now);
            Assert.Throws<DomainRuleException>(() => task.EnterStatus(IndicatorTaskStatus.Submitted));
        }

        await using (var db = Context())
        {
            var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync(c => c.Id == _seed.Cycle);
            Assert.Equal((2, 2), (cycle.RequiredValues, cycle.OutstandingValues));
            var count = cycle.TaskFor(_seed.Count.Id)!;
            count.Record(_seed.Count.Current, IndicatorValue.OfNumber(2834), null, null, "Sanne", Now);
            count.EnterStatus(IndicatorTaskStatus.Submitted);
            var breakdown = cycle.TaskFor(_seed.Breakdown.Id)!;
            breakdown.Record(_seed.Breakdown.Current, IndicatorValue.NotAvailable("Registratie wordt omgezet."), null, null, "Sanne", Now);
            breakdown.EnterStatus(IndicatorTaskStatus.NotAvailable);
            await db.SaveChangesAsync();
        }

        await using var read = Context();
        var withoutTasks = await read.ReportingCycles.SingleAsync(c => c.Id == _seed.Cycle);
        Assert.Empty(withoutTasks.Tasks);
        Assert.Equal((2, 0), (withoutTasks.RequiredValues, withoutTasks.OutstandingValues));
        Assert.True(withoutTasks.AllValuesDone);
    }

    [Fact]
    public async Task A_second_cycle_for_the_same_obligation_and_period_is_refused_by_the_database()
    {
        await using var db = Context();
        var motion = await db.Obligations.SingleAsync(o => o.Id == _seed.Motion);
        var indicators = await db.Indicators.Include(i => i.Definitions).ToListAsync();
        db.ReportingCycles.Add(ReportingCycle.Plan(motion, ReportingPeriod.HalfYear(2025, 1), Deadlines, [.. indicators.Select(i => i.Current)]));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_second_task_for_the_same_indicator_in_a_cycle_is_refused_by_the_database()
    {
        await using var db = Context();
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.Id == _seed.Cycle);
        var task = cycle.TaskFor(_seed.Count.Id)!;
        db.Entry(task).State = EntityState.Detached;
        var copy = db.Entry(task).CurrentValues.Clone().ToObject();
        db.Entry(copy).Property(nameof(IndicatorTask.Id)).CurrentValue = IndicatorTaskId.New();
        db.Entry(copy).State = EntityState.Added;
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_duplicate_obligation_number_in_a_municipality_is_refused_by_the_database()
    {
        await using var db = Context();
        var motion = await db.Obligations.SingleAsync(o => o.Id == _seed.Motion);
        db.Obligations.Add(new Motion(_seed.Maastricht, Details(motion), Now, "Griffie"));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Two_people_saving_the_same_obligation_do_not_overwrite_each_other()
    {
        await using var first = Context();
        await using var second = Context();
        var a = await first.Obligations.SingleAsync(o => o.Id == _seed.Motion);
        var b = await second.Obligations.SingleAsync(o => o.Id == _seed.Motion);
        a.Revise(Details(a) with { Title = "Titel van de eerste" }, Now, "Anouk");
        b.Revise(Details(b) with { Title = "Titel van de tweede" }, Now, "Elke");
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = Context();
        var stored = await read.Obligations.SingleAsync(o => o.Id == _seed.Motion);
        Assert.Equal("Titel van de eerste", stored.Title);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task A_value_added_to_a_task_makes_a_concurrent_save_of_the_same_cycle_fail()
    {
        await using var first = Context();
        await using var second = Context();
        var a = await first.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync(c => c.Id == _seed.Cycle);
        var b = await second.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync(c => c.Id == _seed.Cycle);
        a.TaskFor(_seed.Count.Id)!.Record(_seed.Count.Current, IndicatorValue.OfNumber(2834), null, null, "Sanne", Now);
        b.TaskFor(_seed.Count.Id)!.Record(_seed.Count.Current, IndicatorValue.OfNumber(2843), null, null, "Maurice", Now);
        await first.SaveChangesAsync();

        // The version check or the unique (task, sequence) index stops the second save, whichever the provider runs first.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var read = Context();
        var stored = await read.RecordedValues.Select(v => v.Value.Number).ToListAsync();
        Assert.Equal([2834m], stored);
    }

    [Fact]
    public async Task A_municipality_sees_only_its_own_data_and_an_unknown_scope_sees_nothing()
    {
        await using var vaals = Context(FixedMunicipalityContext.For(_seed.Vaals));
        Assert.Empty(await vaals.Obligations.ToListAsync());
        Assert.Empty(await vaals.Indicators.ToListAsync());
        Assert.Empty(await vaals.ReportingCycles.ToListAsync());
        Assert.Null(await vaals.Obligations.FindAsync(_seed.Motion));

        await using var maastricht = Context(FixedMunicipalityContext.For(_seed.Maastricht));
        Assert.Single(await maastricht.Obligations.ToListAsync());

        await using var nobody = Context(FixedMunicipalityContext.Nobody);
        Assert.Empty(await nobody.Obligations.ToListAsync());
        Assert.Empty(await nobody.Teams.ToListAsync());
    }

    [Fact]
    public async Task The_same_query_keeps_each_scope_apart_whichever_scope_ran_it_first()
    {
        // EF keeps one compiled version of a query for the system (no filter) and one for a municipality: neither may serve the other.
        var reference = "M-2021-047";
        async Task<(int Obligations, int Cycles)> Count(IMunicipalityContext scope)
        {
            await using var db = Context(scope);
            return (await db.Obligations.CountAsync(o => o.Reference == reference),
                await db.ReportingCycles.Join(db.Obligations, c => c.ObligationId, o => o.Id, (c, o) => o.Reference).CountAsync(r => r == reference));
        }

        Assert.Equal((1, 1), await Count(FixedMunicipalityContext.System));
        Assert.Equal((0, 0), await Count(FixedMunicipalityContext.For(_seed.Vaals)));
        Assert.Equal((1, 1), await Count(FixedMunicipalityContext.For(_seed.Maastricht)));
        Assert.Equal((0, 0), await Count(FixedMunicipalityContext.Nobody));
        Assert.Equal((1, 1), await Count(FixedMunicipalityContext.System));
        Assert.Equal((0, 0), await Count(FixedMunicipalityContext.For(_seed.Vaals)));
    }

    [Fact]
    public async Task A_letter_round_trips_with_its_versions_approval_and_seal_and_a_cycle_has_one_letter()
    {
        await using (var db = Context())
        {
            var cycle = await db.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.Id == _seed.Cycle);
            var alderman = await db.Aldermen.Select(a => a.Id).FirstAsync();
            var letter = new CouncilLetter(cycle, new LetterContent("Doorlooptijden Wmo, 2025", "I. Bongers", "043 350 0000", "De waarde was **2.834**.\n", "{\"items\":[]}"), "Sanne Peeters", Now);
            letter.AddVersion(new LetterContent("Doorlooptijden Wmo, 2025", "I. Bongers", "043 350 0000", "De waarde was **2.834 aanvragen**.\n", "{\"items\":[]}"), "Bewerkt", "Sanne Peeters", Now.AddMinutes(5));
            letter.EnterStatus(CouncilLetterStatus.InApproval);
            letter.RecordApproval(alderman, "wethouder", Now.AddHours(1));
            letter.EnterStatus(CouncilLetterStatus.Approved);
            var counter = new LetterReferenceCounter(_seed.Maastricht, 2025);
            letter.Finalise(LetterReference.Format(LetterReference.DefaultPattern, 2025, counter.Next()), Now.AddHours(2));
            db.AddRange(letter, counter);
            await db.SaveChangesAsync();
        }

        await using (var db = Context())
        {
            var stored = await db.CouncilLetters.Include(l => l.Versions).Include(l => l.Approvals).SingleAsync(l => l.CycleId == _seed.Cycle);
            Assert.Equal([1, 2], stored.Versions.Select(v => v.Number));
            Assert.Equal("De waarde was **2.834 aanvragen**.", stored.Current.Body);
            Assert.Equal((2, stored.Current.Hash), (stored.Approvals.Single().VersionNumber, stored.Approvals.Single().VersionHash));
            Assert.Equal(("2025.00001", 2, CouncilLetterStatus.Finalised), (stored.Reference, stored.FinalisedVersion, stored.Status));
            Assert.Equal(Now.AddHours(2), stored.FinalisedAtUtc);
            Assert.True(stored.VerifiesSeal());

            var cycle = await db.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.Id == _seed.Cycle);
            db.CouncilLetters.Add(new CouncilLetter(cycle, new LetterContent("Tweede", "I. Bongers", null, "Tekst", "{}"), "Sanne Peeters", Now));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task The_database_has_no_pending_model_changes()
    {
        await using var db = Context();
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration for both providers: scripts/add-migration.sh <Name>");
    }

    private GovernanceDbContext Context(IMunicipalityContext? scope = null) =>
        GovernanceDatabase.Create(_database.Provider, _database.ConnectionString, scope ?? FixedMunicipalityContext.System);

    [Fact]
    public async Task Search_ignores_accents_and_case_and_takes_wildcards_literally()
    {
        await using var db = Context();
        var letters = SearchText.Accented + " CLIËNTEN Øresund ĲSSEL 50% a_b";
        Assert.Equal(SearchText.Fold(letters), await db.Obligations.Select(o => SearchText.Folded(letters)).FirstAsync());

        async Task<bool> FindsAsync(string term)
        {
            var pattern = SearchText.Pattern(term);
            return await db.Obligations.AnyAsync(o => EF.Functions.Like(SearchText.Folded(o.Title), pattern, SearchText.Escape));
        }

        Assert.True(await FindsAsync("KINDEREN IN ARMOEDE"));
        Assert.True(await FindsAsync(" armóéde "));
        Assert.False(await FindsAsync("kinderen_in"));
        Assert.False(await FindsAsync("halveren%2030"));
        Assert.False(await FindsAsync("welzijn"));
    }

    private static IndicatorSpecification Spec(TeamId team, IndicatorKind kind, string[]? categories = null) => new()
    {
        Name = kind.ToString(),
        Definition = "Definitie",
        Kind = kind,
        Source = "Monitor",
        ResponsibleTeamId = team,
        Categories = categories ?? [],
    };

    private static ObligationDetails Details(Obligation o) => new()
    {
        Reference = o.Reference,
        Title = o.Title,
        Text = o.Text,
        AdoptedOn = o.AdoptedOn,
        Meeting = o.Meeting,
        ResponsibleAldermen = o.ResponsibleAldermen,
        PolicyArea = o.PolicyArea,
        Cadence = o.Cadence,
        EndDate = o.EndDate,
        DueDate = o.DueDate,
        RequiredIndicators = o.RequiredIndicators,
        SubmittingParties = ((Motion)o).SubmittingParties,
    };
}

public sealed class SqlitePersistenceTests() : PersistenceTests(DatabaseProvider.Sqlite);

public sealed class PostgresPersistenceTests() : PersistenceTests(DatabaseProvider.Postgres);
