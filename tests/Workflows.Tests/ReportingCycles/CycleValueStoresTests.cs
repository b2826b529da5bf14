using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.Persistence.Postgres;
using Governance.Domain.Persistence.Sqlite;
using Governance.Domain.ReportingCycles;
using Governance.Domain.ReportingCycles.Events;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Tests.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Tests.ReportingCycles;

/// <summary>
/// The value writer's stores: EF's change tracker and the provider's own statements (the writer's batches). The same
/// submissions on two copies of one database leave the same rows, give the same answers and publish the same events;
/// a cycle someone else saved meanwhile fails the statements' save whole. On SQLite and on PostgreSQL.
/// </summary>
public abstract class CycleValueStoresTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 1, 12, 9, 0, 0, DateTimeKind.Utc);

    private readonly SqliteSystemDatabase _tracked;
    private readonly SqliteSystemDatabase _statements;
    private readonly ReportingCycle _cycle = Cycles.Planned();

    protected CycleValueStoresTests(DatabaseProvider provider)
    {
        _tracked = new SqliteSystemDatabase(provider);
        new ReportingCycleWorkflow(_cycle, Cycles.Now, "Planning").Fire(ReportingCycleWorkflow.Trigger.Open);
        using (var db = _tracked.CreateContext())
        {
            // The cycle's obligation, municipality and team are not what these tests are about: skip their rows.
            db.Database.OpenConnection();
            db.Database.ExecuteSqlRaw(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");
            db.AddRange(Cycles.Count, Cycles.Share, _cycle);
            db.Add(Cycles.Imported(ReportingPeriod.Quarter(2025, 3), count: 2_000, share: 93.9m));
            db.SaveChangesAsync().GetAwaiter().GetResult();
        }

        _statements = _tracked.Copy();
    }

    public void Dispose()
    {
        _tracked.Dispose();
        _statements.Dispose();
    }

    [Fact]
    public async Task The_same_submissions_leave_the_same_rows_answers_and_events_through_either_store()
    {
        // Within one batch a submission sees the one before it; a key answered before is replayed; a refused one leaves nothing.
        IReadOnlyList<SubmitCycleValuesCommand>[] batches =
        [
            [Values("k1", new CycleValueInput("WMO-AANVRAGEN", Number: 2_834, Explanation: "Nieuwe aanmeldroute sinds juli.", Source: "Monitor")),
             Values("k2", new CycleValueInput("wmo-tijdig ", Number: 93.9m), ValueIntent.SaveDraft)],
            [Values("k1", new CycleValueInput("WMO-AANVRAGEN", Number: 2_834, Explanation: "Nieuwe aanmeldroute sinds juli.", Source: "Monitor")),
             Values(null, new CycleValueInput("WMO-AANVRAGEN", Number: 2_901, Explanation: "Gecorrigeerd na controle.")),
             Values("k3", new CycleValueInput("WMO-TIJDIG", Number: -1))],
            [Values("k4", new CycleValueInput("WMO-TIJDIG", NotAvailableReason: "De registratie wordt omgezet."))],
            [Values("k5", new CycleValueInput("WMO-AANVRAGEN", Number: 3_000))],
        ];

        var tracked = await RunAsync(_tracked, db => new EfCycleValueStore(db), batches);
        var statements = await RunAsync(_statements, Statements, batches);

        Assert.Equal(tracked.Answers, statements.Answers);
        Assert.Equal(tracked.Events, statements.Events);
        Assert.Equal(await RowsAsync(_tracked), await RowsAsync(_statements));

        // And what the rows say: collecting after the first value, complete with the last; every value kept; the later
        // submission to a complete cycle refused.
        Assert.Contains("Complete", tracked.Answers[5], StringComparison.Ordinal);
        Assert.Contains("cycle_not_collecting", tracked.Answers[6], StringComparison.Ordinal);
        await using var db = _statements.CreateContext();
        var stored = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync(c => c.Id == _cycle.Id);
        Assert.Equal([ReportingCycleStatus.Open, ReportingCycleStatus.Collecting, ReportingCycleStatus.Complete], stored.Journal.Select(j => j.To));
        Assert.Equal((ReportingCycleStatus.Complete, 0, 3), (stored.Status, stored.OutstandingValues, stored.Version));
        Assert.Equal([2_834m, 2_901m], stored.TaskFor(Cycles.Count.Id)!.Values.OrderBy(v => v.Sequence).Select(v => v.Value.Number!.Value));
        Assert.Equal(IndicatorTaskStatus.NotAvailable, stored.TaskFor(Cycles.Share.Id)!.Status);
        Assert.Equal(3, await db.IdempotencyRecords.CountAsync());
        Assert.Single(statements.Events, e => e.StartsWith(nameof(ReportingCycleStatusChanged), StringComparison.Ordinal) && e.Contains("To = Complete", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-Q3")]
    [InlineData("2025-Q1")]
    [InlineData("2024-Q4")]
    public async Task A_large_change_is_compared_with_the_latest_earlier_figure_however_far_back_through_either_store(string earlier)
    {
        // The writer reads the two quarters before first and every quarter only when the figure is not among those.
        foreach (var database in new[] { _tracked, _statements })
        {
            await using var db = database.CreateContext();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"ReportingCycles\" SET \"Period\" = {0} WHERE \"Period\" = '2025-Q3'", earlier);
        }

        IReadOnlyList<SubmitCycleValuesCommand>[] batches =
        [
            [Values("k1", new CycleValueInput("WMO-AANVRAGEN", Number: 3_000))],
            [Values("k2", new CycleValueInput("WMO-AANVRAGEN", Number: 2_050))],
        ];

        var tracked = await RunAsync(_tracked, db => new EfCycleValueStore(db), batches);
        var statements = await RunAsync(_statements, Statements, batches);

        Assert.Equal(tracked.Answers, statements.Answers);
        // 3,000 after 2,000 needs its explanation, 2,050 does not.
        Assert.Contains("explanation", statements.Answers[0], StringComparison.Ordinal);
        Assert.Contains("2.000", statements.Answers[0], StringComparison.Ordinal);
        Assert.StartsWith("CycleValuesReceipt", statements.Answers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cycle_saved_by_someone_else_meanwhile_fails_the_statements_save_whole()
    {
        await using var db = Context(_statements, publisher: null);
        var batch = new CycleValueBatch(db, Statements(db), new IndicatorDefinitionCache(), ValueRules.Default, Now);
        var command = Values("late", new CycleValueInput("WMO-AANVRAGEN", Number: 2_100));
        await batch.LoadAsync([(command, System)], CancellationToken.None);
        Assert.True(batch.Apply(command, System).Succeeded);

        // Meanwhile the cycle moves on elsewhere (its version with it).
        await using (var other = _statements.CreateContext())
        {
            await other.ReportingCycles.Where(c => c.Id == _cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1));
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => batch.SaveAsync(CancellationToken.None));
        await using var check = _statements.CreateContext();
        Assert.Equal(0, await check.RecordedValues.CountAsync(v => EF.Property<IndicatorTaskId>(v, "TaskId") == _cycle.TaskFor(Cycles.Count.Id)!.Id));
        Assert.Equal(0, await check.IdempotencyRecords.CountAsync());
        Assert.Equal(ReportingCycleStatus.Open, (await check.ReportingCycles.SingleAsync(c => c.Id == _cycle.Id)).Status);
    }

    private static readonly SubmissionScope System = new(null, IsSystem: true);

    private static StatementCycleValueStore Statements(GovernanceDbContext db) =>
        db.Database.IsSqlite() ? new SqliteCycleValueStore(db) : new PostgresCycleValueStore(db);

    private SubmitCycleValuesCommand Values(string? key, CycleValueInput value, ValueIntent intent = ValueIntent.Submit) => new()
    {
        CycleId = _cycle.Id.Value,
        Values = [value],
        Intent = intent,
        RecordedBy = "Datawarehouse",
        Principal = "dwh",
        ActingTeamId = _cycle.Tasks[0].TeamId.Value,
        IdempotencyKey = key,
    };

    private static async Task<(List<string> Answers, List<string> Events)> RunAsync(
        SqliteSystemDatabase database, Func<GovernanceDbContext, ICycleValueStore> storeOf, IReadOnlyList<SubmitCycleValuesCommand>[] batches)
    {
        var definitions = new IndicatorDefinitionCache();
        var publisher = new RecordingPublisher();
        var answers = new List<string>();
        foreach (var submissions in batches)
        {
            await using var db = Context(database, publisher);
            var batch = new CycleValueBatch(db, storeOf(db), definitions, ValueRules.Default, Now);
            await batch.LoadAsync([.. submissions.Select(s => (s, System))], CancellationToken.None);
            answers.AddRange(submissions.Select(s => batch.Apply(s, System)).Select(Answer));
            if (batch.Changed)
            {
                await batch.SaveAsync(CancellationToken.None);
            }
        }

        return (answers, publisher.Published);
    }

    /// <summary>An answer as text, with the fields and messages of a refusal.</summary>
    private static string Answer(Result<CycleValuesReceipt> result) => result switch
    {
        { Succeeded: true } => result.Value!.ToString(),
        { Error: Invalid invalid } => $"Invalid: {string.Join("; ", invalid.Fields.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"))}",
        _ => $"{result.Error.GetType().Name}: {result.Error}",
    };

    /// <summary>Every row the writer touches, in a stable order, without the ids it generates.</summary>
    private static async Task<List<string>> RowsAsync(SqliteSystemDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        string[] queries =
        [
            "SELECT \"Id\", \"Status\", \"Version\", \"NextTimer\", \"NextTimerOn\", \"RequiredValues\", \"OutstandingValues\" FROM \"ReportingCycles\" ORDER BY \"Id\"",
            "SELECT \"Id\", \"Status\", \"ReturnReason\", \"AssigneeUserId\" FROM \"IndicatorTasks\" ORDER BY \"Id\"",
            "SELECT \"TaskId\", \"Sequence\", \"DefinitionVersion\", \"Number\", \"Text\", \"Breakdown\", \"NotAvailableReason\", \"Explanation\", \"Source\", \"RecordedBy\", \"RecordedAtUtc\" " +
            "FROM \"RecordedValues\" ORDER BY \"TaskId\", \"Sequence\"",
            "SELECT \"CycleId\", \"Sequence\", \"AtUtc\", \"Actor\", \"From\", \"To\", \"Trigger\", \"Reason\" FROM \"ReportingCycleJournal\" ORDER BY \"CycleId\", \"Sequence\"",
            "SELECT \"Principal\", \"Key\", \"RequestHash\", \"Response\", \"CreatedAtUtc\" FROM \"IdempotencyRecords\" ORDER BY \"Principal\", \"Key\"",
        ];
        var rows = new List<string>();
        foreach (var query in queries)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetDataTypeName(i)}:{reader.GetValue(i)}")));
            }
        }

        return rows;
    }

    private static GovernanceDbContext Context(SqliteSystemDatabase database, IPublisher? publisher) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteGovernanceDbContext(GovernanceDatabase.Options<SqliteGovernanceDbContext>(DatabaseProvider.Sqlite, database.ConnectionString), FixedMunicipalityContext.System)
        {
            Publisher = publisher,
        }
        : new PostgresGovernanceDbContext(GovernanceDatabase.Options<PostgresGovernanceDbContext>(DatabaseProvider.Postgres, database.ConnectionString), FixedMunicipalityContext.System)
        {
            Publisher = publisher,
        };

    /// <summary>The events as published, in order, each with what it says.</summary>
    private sealed class RecordingPublisher : IPublisher
    {
        public List<string> Published { get; } = [];

        public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification
        {
            Published.Add(notification!.ToString()!);
            return ValueTask.CompletedTask;
        }

        public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
        {
            Published.Add(notification.ToString()!);
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class SqliteCycleValueStoresTests() : CycleValueStoresTests(DatabaseProvider.Sqlite);

public sealed class PostgresCycleValueStoresTests() : CycleValueStoresTests(DatabaseProvider.Postgres);
