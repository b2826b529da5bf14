using System.Data.Common;
using System.Text.Json;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence.Configurations;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Domain.Persistence;

/// <summary>
/// The value writer's batches without EF's change tracker: the rows are read with a few statements into the domain's
/// own objects (the same rules apply to them), and what the rules changed is written by the provider's own statements
/// (<see cref="Sqlite.SqliteCycleValueStore"/>, <see cref="Postgres.PostgresCycleValueStore"/>): the cycle only if it still has the
/// version read (as EF's concurrency token would), the tasks whose state moved, the new values and journal lines, the
/// answers to idempotency keys. EF's tracked reads and save cost several times more per submission, and the writer is
/// the one path every submission of a process takes. The rows are exactly what EF writes; the columns are those of the
/// model (see ReportingCycleConfiguration). The reads are one text for both providers: quoted names and @parameters,
/// which both accept; only how a list parameter is matched and how a key is bound differ.
/// </summary>
internal abstract class StatementCycleValueStore(GovernanceDbContext db) : ICycleValueStore
{
    private static readonly string[] DoneStatuses = [.. ReportingStatusExtensions.DoneStatuses.Select(s => s.ToString())];

    /// <summary>What was read, to write only what changed and to refuse a cycle someone else saved meanwhile.</summary>
    protected Dictionary<ReportingCycleId, (int Version, int JournalLines)> CyclesRead { get; } = [];

    protected Dictionary<IndicatorTaskId, (IndicatorTaskStatus Status, string? ReturnReason, string? Assignee, int LatestSequence)> TasksRead { get; } = [];

    /// <summary>The condition that <paramref name="column"/> is one of the list bound to <paramref name="parameter"/>.</summary>
    protected abstract string In(string column, string parameter);

    /// <summary>
    /// The statement that gives the cycles' tasks (all their columns) each with its indicator's code as "Code", the cycles
    /// bound to <paramref name="cycles"/>: joined to the indicators by key.
    /// </summary>
    protected virtual string TasksWithCodes(string cycles) =>
        $"SELECT t.*, i.\"Code\" FROM \"IndicatorTasks\" t JOIN \"Indicators\" i ON i.\"Id\" = t.\"IndicatorId\" WHERE {In("t.\"CycleId\"", cycles)}";

    /// <summary>A list parameter's value, the keys as the provider stores them: SQLite as upper-case text (as EF writes them), PostgreSQL as uuid.</summary>
    protected abstract object Keys(IEnumerable<Guid> keys);

    protected abstract object Texts(IEnumerable<string> texts);

    /// <summary>
    /// Writes the changed rows and the answers, all or nothing. A failing statement throws the provider's exception; a
    /// cycle saved by someone else meanwhile (its version no longer the one read) a <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    protected abstract Task WriteAsync(DbConnection connection, IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers,
        CancellationToken cancellationToken);

    /// <summary>A transaction on the unit of work, for a provider whose writes take several round trips.</summary>
    protected Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) => db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Whether the reads are prepared on the server (planned once per connection, not per batch). Not the idempotency keys'
    /// read: its table grows from nothing, and a plan made while it was small (a sequential scan) would stay until the
    /// statistics are next gathered.
    /// </summary>
    protected virtual bool PreparesReads => false;

    /// <summary>Whether an exception of the provider is a failing statement, to be answered as EF's save would (a <see cref="DbUpdateException"/>).</summary>
    protected abstract bool IsStatementFailure(DbException exception);

    public async Task<IReadOnlyList<IdempotencyRecord>> AnsweredAsync(IReadOnlyList<string> principals, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(prepare: false,
            "SELECT \"Principal\", \"Key\", \"RequestHash\", \"Response\", \"CreatedAtUtc\" FROM \"IdempotencyRecords\" " +
            $"WHERE {In("\"Principal\"", "@principals")} AND {In("\"Key\"", "@keys")}",
            cancellationToken, ("principals", Texts(principals)), ("keys", Texts(keys)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var answered = new List<IdempotencyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            answered.Add(new IdempotencyRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Utc(reader, 4)));
        }

        return answered;
    }

    public async Task<(Dictionary<ReportingCycleId, ReportingCycle> Cycles, Dictionary<IndicatorId, string> Codes)> CyclesAsync(
        IReadOnlyList<ReportingCycleId> cycleIds, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        // Three statements in one command: the cycles, their journals, and the named tasks with each one's latest value.
        await using var command = await CommandAsync(prepare: true,
            "SELECT \"Id\", \"ObligationId\", \"MunicipalityId\", \"Period\", \"Status\", \"IsImported\", \"ValuesDue\", \"DraftDue\", \"ApprovalsDue\", \"SendToCouncil\", " +
            $"\"Version\", \"NextTimer\", \"NextTimerOn\", \"RequiredValues\", \"OutstandingValues\" FROM \"ReportingCycles\" WHERE {In("\"Id\"", "@cycles")};" +
            $"SELECT \"CycleId\", \"Sequence\", \"AtUtc\", \"Actor\", \"From\", \"To\", \"Trigger\", \"Reason\" FROM \"ReportingCycleJournal\" WHERE {In("\"CycleId\"", "@cycles")};" +
            // The cycles' tasks first, then their indicators' codes by key: a code is unique only within a municipality.
            $"WITH t AS MATERIALIZED ({TasksWithCodes("@cycles")}) " +
            "SELECT t.\"Id\", t.\"CycleId\", t.\"IndicatorId\", t.\"DefinitionVersion\", t.\"TeamId\", t.\"AssigneeUserId\", t.\"DueDate\", t.\"Status\", t.\"ReturnReason\", t.\"Code\", " +
            "v.\"Id\", v.\"Sequence\", v.\"DefinitionVersion\", v.\"Number\", v.\"Text\", v.\"Breakdown\", v.\"NotAvailableReason\", v.\"Explanation\", v.\"Source\", v.\"RecordedBy\", v.\"RecordedAtUtc\" " +
            "FROM t LEFT JOIN \"RecordedValues\" v ON v.\"TaskId\" = t.\"Id\" AND v.\"Sequence\" = (SELECT MAX(w.\"Sequence\") FROM \"RecordedValues\" w WHERE w.\"TaskId\" = t.\"Id\") " +
            $"WHERE {In("t.\"Code\"", "@codes")}",
            cancellationToken, ("cycles", Keys(cycleIds.Select(c => c.Value))), ("codes", Texts(codes)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var rows = new List<(ReportingCycleId Id, Func<IEnumerable<CycleJournalEntry>, ReportingCycle> Restore)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = new ReportingCycleId(reader.GetGuid(0));
            var obligation = new ObligationId(reader.GetGuid(1));
            var municipality = new MunicipalityId(reader.GetGuid(2));
            var period = ReportingPeriod.Parse(reader.GetString(3));
            var status = Enum.Parse<ReportingCycleStatus>(reader.GetString(4));
            var imported = reader.GetBoolean(5);
            var deadlines = new StepDeadlines(reader.GetFieldValue<DateOnly>(6), reader.GetFieldValue<DateOnly>(7), reader.GetFieldValue<DateOnly>(8), reader.GetFieldValue<DateOnly>(9));
            var version = reader.GetInt32(10);
            var timer = Enum.Parse<CycleTimer>(reader.GetString(11));
            DateOnly? timerOn = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12);
            var (required, outstanding) = (reader.GetInt32(13), reader.GetInt32(14));
            rows.Add((id, journal => ReportingCycle.Restore(id, obligation, municipality, period, deadlines, status, imported, version, timer, timerOn, required, outstanding, journal)));
        }

        await reader.NextResultAsync(cancellationToken);
        var journals = new List<(ReportingCycleId Cycle, CycleJournalEntry Line)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            journals.Add((new ReportingCycleId(reader.GetGuid(0)), new CycleJournalEntry(Utc(reader, 2), reader.GetString(3),
                Enum.Parse<ReportingCycleStatus>(reader.GetString(4)), Enum.Parse<ReportingCycleStatus>(reader.GetString(5)), reader.GetString(6), NullableString(reader, 7))
            {
                Sequence = reader.GetInt32(1),
            }));
        }

        // In journal order, however the rows came: the cycle's journal is a list in sequence.
        var byCycle = journals.OrderBy(j => j.Line.Sequence).ToLookup(j => j.Cycle, j => j.Line);
        var cycles = new Dictionary<ReportingCycleId, ReportingCycle>(rows.Count);
        foreach (var (id, restore) in rows)
        {
            var cycle = restore(byCycle[id]);
            cycles[id] = cycle;
            CyclesRead[id] = (cycle.Version, byCycle[id].Count());
        }

        await reader.NextResultAsync(cancellationToken);
        var indicatorCodes = new Dictionary<IndicatorId, string>();
        var tasks = new List<(ReportingCycle Cycle, Func<IndicatorTask> Restore)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cycle = cycles[new ReportingCycleId(reader.GetGuid(1))];
            RecordedValue[] latest = reader.IsDBNull(10) ? [] : [ValueAt(reader, 10)];
            var task = IndicatorTask.Restore(cycle, new IndicatorTaskId(reader.GetGuid(0)), new IndicatorId(reader.GetGuid(2)), reader.GetInt32(3), new TeamId(reader.GetGuid(4)),
                NullableString(reader, 5), reader.GetFieldValue<DateOnly>(6), Enum.Parse<IndicatorTaskStatus>(reader.GetString(7)), NullableString(reader, 8), latest);
            indicatorCodes[task.IndicatorId] = reader.GetString(9);
            TasksRead[task.Id] = (task.Status, task.ReturnReason, task.AssigneeUserId, latest.Length == 0 ? 0 : latest[0].Sequence);
        }

        return (cycles, indicatorCodes);
    }

    public async Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>>> HistoriesAsync(IReadOnlyCollection<IndicatorId> indicatorIds, IReadOnlyCollection<ReportingPeriod>? periods,
        CancellationToken cancellationToken)
    {
        // As IndicatorHistory reads them: each handed-in task's latest value, found by the task's (TaskId, Sequence) index.
        await using var command = await CommandAsync(prepare: true,
            "SELECT t.\"IndicatorId\", c.\"Period\", v.\"Number\", v.\"Text\", v.\"Breakdown\", v.\"NotAvailableReason\", v.\"Explanation\", v.\"Source\", v.\"RecordedAtUtc\", t.\"DefinitionVersion\" " +
            "FROM \"IndicatorTasks\" t JOIN \"ReportingCycles\" c ON c.\"Id\" = t.\"CycleId\" JOIN \"RecordedValues\" v ON v.\"TaskId\" = t.\"Id\" " +
            $"WHERE {In("t.\"IndicatorId\"", "@indicators")} AND {In("t.\"Status\"", "@done")} {(periods is null ? "" : $"AND {In("c.\"Period\"", "@periods")} ")}" +
            "AND v.\"Sequence\" = (SELECT MAX(w.\"Sequence\") FROM \"RecordedValues\" w WHERE w.\"TaskId\" = t.\"Id\")",
            cancellationToken, [("indicators", Keys(indicatorIds.Select(i => i.Value))), ("done", Texts(DoneStatuses)),
                .. periods is null ? [] : new[] { ("periods", Texts(periods.Select(p => p.Code))) }]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var latest = new List<(IndicatorId, PeriodValue)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add((new IndicatorId(reader.GetGuid(0)), new PeriodValue(ReportingPeriod.Parse(reader.GetString(1)),
                ValueOf(reader, 2), NullableString(reader, 6), NullableString(reader, 7), Utc(reader, 8), reader.GetInt32(9))));
        }

        return PeriodValue.ByIndicator(indicatorIds, latest);
    }

    public async Task SaveAsync(IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        try
        {
            await WriteAsync(connection, changed, answers, cancellationToken);
        }
        catch (DbException e) when (IsStatementFailure(e))
        {
            // As from EF's save: the same key or value number saved meanwhile by another unit of work, or any other
            // failing statement, fails the save whole, and nothing of it stays.
            throw new DbUpdateException(e.Message, e);
        }

        // As EF's save does: the versions the rows now have, then the events of what changed.
        foreach (var cycle in changed)
        {
            cycle.IncrementVersion();
        }

        var raised = changed.SelectMany(c => c.Tasks.Cast<Entity>().Prepend(c)).Where(e => e.DomainEvents.Count > 0).ToList();
        await db.PublishAsync(raised, [.. raised.SelectMany(e => e.DomainEvents)], cancellationToken);
    }

    /// <summary>The new journal lines of a changed cycle: those after the ones read.</summary>
    protected IEnumerable<CycleJournalEntry> NewJournalLines(ReportingCycle cycle) => cycle.Journal.Where(j => j.Sequence > CyclesRead[cycle.Id].JournalLines);

    /// <summary>The tasks of a changed cycle whose status, reason or assignee moved.</summary>
    protected IEnumerable<IndicatorTask> MovedTasks(ReportingCycle cycle) => cycle.Tasks.Where(task =>
        TasksRead[task.Id] is var was && (was.Status, was.ReturnReason, was.Assignee) != (task.Status, task.ReturnReason, task.AssigneeUserId));

    /// <summary>The new values of a changed cycle's tasks, with their task.</summary>
    protected IEnumerable<(IndicatorTask Task, RecordedValue Value)> NewValues(ReportingCycle cycle) =>
        cycle.Tasks.SelectMany(task => task.Values.Where(v => v.Sequence > TasksRead[task.Id].LatestSequence).Select(v => (task, v)));

    /// <summary>A value's breakdown as EF stores it: JSON text, or none.</summary>
    protected static string? Breakdown(RecordedValue value) =>
        value.Value.Breakdown is { } b ? JsonSerializer.Serialize(b, RecordedValueConfiguration.Json) : null;

    private async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        // EF's own connection, opened once for the unit of work: its settings (SQLite's foreign keys) hold for these statements too.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    private async Task<DbCommand> CommandAsync(bool prepare, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = (await ConnectionAsync(cancellationToken)).CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        if (prepare && PreparesReads)
        {
            await command.PrepareAsync(cancellationToken);
        }

        return command;
    }

    /// <summary>An instant as EF reads it back: UTC (SQLite's text has no zone).</summary>
    private static DateTime Utc(DbDataReader reader, int ordinal) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static RecordedValue ValueAt(DbDataReader reader, int first) =>
        RecordedValue.Restore(new IndicatorValueId(reader.GetGuid(first)), reader.GetInt32(first + 1), reader.GetInt32(first + 2), ValueOf(reader, first + 3),
            NullableString(reader, first + 7), NullableString(reader, first + 8), reader.GetString(first + 9), Utc(reader, first + 10));

    /// <summary>The value from its four columns, from <paramref name="first"/>: number, text, breakdown, reason.</summary>
    private static IndicatorValue ValueOf(DbDataReader reader, int first) =>
        IndicatorValue.FromStorage(
            reader.IsDBNull(first) ? null : reader.GetDecimal(first),
            NullableString(reader, first + 1),
            reader.IsDBNull(first + 2) ? null : JsonSerializer.Deserialize<List<CategoryValue>>(reader.GetString(first + 2), RecordedValueConfiguration.Json),
            NullableString(reader, first + 3));
}
