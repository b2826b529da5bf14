using System.Data.Common;
using System.Globalization;
using System.Text;
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
    /// Writes the changed rows and the answers, all or nothing: a failing statement throws the provider's exception, a cycle
    /// someone else saved meanwhile a <see cref="DbUpdateConcurrencyException"/>, and nothing of the batch stays.
    /// </summary>
    protected abstract Task WriteAsync(DbConnection connection, IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers,
        CancellationToken cancellationToken);

    /// <summary>A transaction on the unit of work's connection, for statements that are all or nothing only within one.</summary>
    protected Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) => db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>Whether an exception of the provider is a failing statement, to be answered as EF's save would (a <see cref="DbUpdateException"/>).</summary>
    protected abstract bool IsStatementFailure(DbException exception);

    public async Task<CycleValueRows> ReadAsync(CycleValueQuery query, CancellationToken cancellationToken)
    {
        // One command, so one round trip to a database server: the answers to the keys (when there are keys), the cycles,
        // their journals, the named tasks with each one's latest value, and the histories of the compared indicators (when
        // a figure is compared).
        var keyed = query.Keys.Count > 0;
        var compares = query.ComparedCodes.Count > 0;
        var sql = new StringBuilder();
        if (keyed)
        {
            sql.Append("SELECT \"Principal\", \"Key\", \"RequestHash\", \"Response\", \"CreatedAtUtc\" FROM \"IdempotencyRecords\" ")
                .Append(CultureInfo.InvariantCulture, $"WHERE {In("\"Principal\"", "@principals")} AND {In("\"Key\"", "@keys")};");
        }

        sql.Append("SELECT \"Id\", \"ObligationId\", \"MunicipalityId\", \"Period\", \"Status\", \"IsImported\", \"ValuesDue\", \"DraftDue\", \"ApprovalsDue\", \"SendToCouncil\", ")
            .Append(CultureInfo.InvariantCulture, $"\"Version\", \"NextTimer\", \"NextTimerOn\", \"RequiredValues\", \"OutstandingValues\" FROM \"ReportingCycles\" WHERE {In("\"Id\"", "@cycles")};")
            .Append(CultureInfo.InvariantCulture, $"SELECT \"CycleId\", \"Sequence\", \"AtUtc\", \"Actor\", \"From\", \"To\", \"Trigger\", \"Reason\" FROM \"ReportingCycleJournal\" WHERE {In("\"CycleId\"", "@cycles")};")
            // The cycles' tasks first, then their indicators' codes by key: a code is unique only within a municipality.
            .Append(CultureInfo.InvariantCulture, $"WITH t AS MATERIALIZED ({TasksWithCodes("@cycles")}) ")
            .Append("SELECT t.\"Id\", t.\"CycleId\", t.\"IndicatorId\", t.\"DefinitionVersion\", t.\"TeamId\", t.\"AssigneeUserId\", t.\"DueDate\", t.\"Status\", t.\"ReturnReason\", t.\"Code\", ")
            .Append("v.\"Id\", v.\"Sequence\", v.\"DefinitionVersion\", v.\"Number\", v.\"Text\", v.\"Breakdown\", v.\"NotAvailableReason\", v.\"Explanation\", v.\"Source\", v.\"RecordedBy\", v.\"RecordedAtUtc\" ")
            .Append("FROM t LEFT JOIN \"RecordedValues\" v ON v.\"TaskId\" = t.\"Id\" AND v.\"Sequence\" = (SELECT MAX(w.\"Sequence\") FROM \"RecordedValues\" w WHERE w.\"TaskId\" = t.\"Id\") ")
            .Append(CultureInfo.InvariantCulture, $"WHERE {In("t.\"Code\"", "@codes")};");
        if (compares)
        {
            // As IndicatorHistory reads them: each handed-in task's latest value, found by the task's (TaskId, Sequence) index;
            // the indicators those of the named tasks whose figure is compared, looked up from them one by one.
            sql.Append(CultureInfo.InvariantCulture, $"WITH named AS MATERIALIZED ({TasksWithCodes("@cycles")}), ")
                .Append(CultureInfo.InvariantCulture, $"compared AS MATERIALIZED (SELECT DISTINCT \"IndicatorId\" FROM named WHERE {In("\"Code\"", "@compared")}) ")
                .Append("SELECT t.\"IndicatorId\", c.\"Period\", v.\"Number\", v.\"Text\", v.\"Breakdown\", v.\"NotAvailableReason\", v.\"Explanation\", v.\"Source\", v.\"RecordedAtUtc\", t.\"DefinitionVersion\" ")
                .Append("FROM compared k JOIN \"IndicatorTasks\" t ON t.\"IndicatorId\" = k.\"IndicatorId\" JOIN \"ReportingCycles\" c ON c.\"Id\" = t.\"CycleId\" ")
                .Append("JOIN \"RecordedValues\" v ON v.\"TaskId\" = t.\"Id\" ")
                .Append(CultureInfo.InvariantCulture, $"WHERE {In("t.\"Status\"", "@done")} AND v.\"Sequence\" = (SELECT MAX(w.\"Sequence\") FROM \"RecordedValues\" w WHERE w.\"TaskId\" = t.\"Id\");");
        }

        List<(string, object)> parameters = [("cycles", Keys(query.Cycles.Select(c => c.Value))), ("codes", Texts(query.Codes))];
        if (keyed)
        {
            parameters.AddRange([("principals", Texts(query.Principals)), ("keys", Texts(query.Keys))]);
        }

        if (compares)
        {
            parameters.AddRange([("compared", Texts(query.ComparedCodes)), ("done", Texts(DoneStatuses))]);
        }

        await using var command = await CommandAsync(sql.ToString(), cancellationToken, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var answered = new List<IdempotencyRecord>();
        if (keyed)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                answered.Add(new IdempotencyRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Utc(reader, 4)));
            }

            await reader.NextResultAsync(cancellationToken);
        }

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
        while (await reader.ReadAsync(cancellationToken))
        {
            var cycle = cycles[new ReportingCycleId(reader.GetGuid(1))];
            RecordedValue[] latest = reader.IsDBNull(10) ? [] : [ValueAt(reader, 10)];
            var task = IndicatorTask.Restore(cycle, new IndicatorTaskId(reader.GetGuid(0)), new IndicatorId(reader.GetGuid(2)), reader.GetInt32(3), new TeamId(reader.GetGuid(4)),
                NullableString(reader, 5), reader.GetFieldValue<DateOnly>(6), Enum.Parse<IndicatorTaskStatus>(reader.GetString(7)), NullableString(reader, 8), latest);
            indicatorCodes[task.IndicatorId] = reader.GetString(9);
            TasksRead[task.Id] = (task.Status, task.ReturnReason, task.AssigneeUserId, latest.Length == 0 ? 0 : latest[0].Sequence);
        }

        var compared = CycleValueRows.Compared(indicatorCodes, query.ComparedCodes);
        var handedIn = new List<(IndicatorId, PeriodValue)>();
        if (compares)
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                handedIn.Add((new IndicatorId(reader.GetGuid(0)), new PeriodValue(ReportingPeriod.Parse(reader.GetString(1)),
                    ValueOf(reader, 2), NullableString(reader, 6), NullableString(reader, 7), Utc(reader, 8), reader.GetInt32(9))));
            }
        }

        return new CycleValueRows(answered, cycles, indicatorCodes, PeriodValue.ByIndicator(compared, handedIn));
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

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
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
