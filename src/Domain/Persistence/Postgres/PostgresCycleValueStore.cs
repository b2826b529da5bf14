using System.Data.Common;
using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Domain.Persistence.Postgres;

/// <summary>
/// The value writer's batches on PostgreSQL (see <see cref="StatementCycleValueStore"/>): lists are matched as arrays,
/// and the changed rows of the whole batch are written by one statement per table, each taking its rows as arrays
/// (unnest), sent together in one round trip: a server away over the network charges a round trip per statement, and
/// several processes write at once. The statements of one round trip are one transaction (the protocol's implicit one,
/// up to its Sync), so no BEGIN and COMMIT of their own. The cycles are updated only where the version is still the one
/// read; fewer rows updated than cycles changed fails the first statement, and the batch whole, as EF's concurrency
/// token would.
/// </summary>
internal sealed class PostgresCycleValueStore(GovernanceDbContext db) : StatementCycleValueStore(db)
{
    /// <summary>
    /// The cycles updated where the version is still the one read, and counted: fewer than changed fails the statement (a
    /// text that is no number cast to one, evaluated only then), and with it the whole batch.
    /// </summary>
    private const string CycleRows =
        "WITH updated AS (UPDATE \"ReportingCycles\" AS c SET \"Status\" = u.status, \"Version\" = u.read + 1, \"NextTimer\" = u.timer, \"NextTimerOn\" = u.timer_on, " +
        "\"RequiredValues\" = u.required, \"OutstandingValues\" = u.outstanding " +
        "FROM unnest(@id, @read, @status, @timer, @timer_on, @required, @outstanding) AS u(id, read, status, timer, timer_on, required, outstanding) " +
        "WHERE c.\"Id\" = u.id AND c.\"Version\" = u.read RETURNING 1) " +
        $"SELECT CASE WHEN count(*) = @changed THEN count(*) ELSE ('{ChangedMeanwhile}: ' || (@changed - count(*)))::bigint END FROM updated";

    private const string ChangedMeanwhile = "reporting cycles changed meanwhile";

    private const string JournalLines =
        "INSERT INTO \"ReportingCycleJournal\" (\"CycleId\", \"Sequence\", \"AtUtc\", \"Actor\", \"From\", \"To\", \"Trigger\", \"Reason\") " +
        "SELECT * FROM unnest(@cycle, @sequence, @at, @actor, @from, @to, @trigger, @reason)";

    private const string TaskRows =
        "UPDATE \"IndicatorTasks\" AS t SET \"Status\" = u.status, \"ReturnReason\" = u.reason, \"AssigneeUserId\" = u.assignee " +
        "FROM unnest(@id, @status, @reason, @assignee) AS u(id, status, reason, assignee) WHERE t.\"Id\" = u.id";

    private const string ValueRows =
        "INSERT INTO \"RecordedValues\" (\"Id\", \"TaskId\", \"Sequence\", \"DefinitionVersion\", \"Number\", \"Text\", \"Breakdown\", \"NotAvailableReason\", " +
        "\"Explanation\", \"Source\", \"RecordedBy\", \"RecordedAtUtc\") " +
        "SELECT * FROM unnest(@id, @task, @sequence, @version, @number, @text, @breakdown, @reason, @explanation, @source, @by, @at)";

    private const string Answers =
        "INSERT INTO \"IdempotencyRecords\" (\"Principal\", \"Key\", \"RequestHash\", \"Response\", \"CreatedAtUtc\") " +
        "SELECT * FROM unnest(@principal, @key, @hash, @response, @at)";

    /// <summary>
    /// Each task's code looked up by the indicator's key in a subquery: given the join, PostgreSQL's planner reads every
    /// indicator of the installation to match the codes (a sequential scan for each batch).
    /// </summary>
    protected override string TasksWithCodes(string cycles) =>
        "SELECT t.*, (SELECT i.\"Code\" FROM \"Indicators\" i WHERE i.\"Id\" = t.\"IndicatorId\") AS \"Code\" " +
        $"FROM \"IndicatorTasks\" t WHERE {In("t.\"CycleId\"", cycles)}";

    protected override string In(string column, string parameter) => $"{column} = ANY({parameter})";

    protected override object Keys(IEnumerable<Guid> keys) => keys.ToArray();

    protected override object Texts(IEnumerable<string> texts) => texts.ToArray();

    protected override bool IsStatementFailure(DbException exception) => exception is PostgresException;

    /// <summary>
    /// Planning was about 40 % of the server's time for these statements, each batch the same texts: prepared, a connection
    /// plans each once (PostgreSQL plans it again when the tables' statistics change).
    /// </summary>
    protected override bool PreparesReads => true;

    protected override async Task WriteAsync(DbConnection connection, IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers,
        CancellationToken cancellationToken)
    {
        // In the order of their keys, so that two processes updating the same cycles lock them in the same order.
        var cycles = changed.OrderBy(c => c.Id.Value).ToList();
        var lines = cycles.SelectMany(c => NewJournalLines(c).Select(line => (Cycle: c, Line: line))).ToList();
        var tasks = cycles.SelectMany(MovedTasks).OrderBy(t => t.Id.Value).ToList();
        var values = cycles.SelectMany(NewValues).ToList();

        // No transaction: the batch's statements are the implicit transaction of its one round trip.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection);
        var cycleRows = Statement(batch, CycleRows,
            Column("id", NpgsqlDbType.Uuid, cycles, c => c.Id.Value),
            Column("read", NpgsqlDbType.Integer, cycles, c => CyclesRead[c.Id].Version),
            Column("status", NpgsqlDbType.Text, cycles, c => c.Status.ToString()),
            Column("timer", NpgsqlDbType.Text, cycles, c => c.NextTimer.ToString()),
            Column("timer_on", NpgsqlDbType.Date, cycles, c => c.NextTimerOn),
            Column("required", NpgsqlDbType.Integer, cycles, c => c.RequiredValues),
            Column("outstanding", NpgsqlDbType.Integer, cycles, c => c.OutstandingValues));
        cycleRows.Parameters.Add(new NpgsqlParameter("changed", NpgsqlDbType.Bigint) { Value = (long)cycles.Count });
        if (lines.Count > 0)
        {
            Statement(batch, JournalLines,
                Column("cycle", NpgsqlDbType.Uuid, lines, l => l.Cycle.Id.Value),
                Column("sequence", NpgsqlDbType.Integer, lines, l => l.Line.Sequence),
                Column("at", NpgsqlDbType.TimestampTz, lines, l => Utc(l.Line.AtUtc)),
                Column("actor", NpgsqlDbType.Text, lines, l => l.Line.Actor),
                Column("from", NpgsqlDbType.Text, lines, l => l.Line.From.ToString()),
                Column("to", NpgsqlDbType.Text, lines, l => l.Line.To.ToString()),
                Column("trigger", NpgsqlDbType.Text, lines, l => l.Line.Trigger),
                Column("reason", NpgsqlDbType.Text, lines, l => l.Line.Reason));
        }

        if (tasks.Count > 0)
        {
            Statement(batch, TaskRows,
                Column("id", NpgsqlDbType.Uuid, tasks, t => t.Id.Value),
                Column("status", NpgsqlDbType.Text, tasks, t => t.Status.ToString()),
                Column("reason", NpgsqlDbType.Text, tasks, t => t.ReturnReason),
                Column("assignee", NpgsqlDbType.Text, tasks, t => t.AssigneeUserId));
        }

        if (values.Count > 0)
        {
            Statement(batch, ValueRows,
                Column("id", NpgsqlDbType.Uuid, values, v => v.Value.Id.Value),
                Column("task", NpgsqlDbType.Uuid, values, v => v.Task.Id.Value),
                Column("sequence", NpgsqlDbType.Integer, values, v => v.Value.Sequence),
                Column("version", NpgsqlDbType.Integer, values, v => v.Value.DefinitionVersion),
                Column("number", NpgsqlDbType.Numeric, values, v => v.Value.Value.Number),
                Column("text", NpgsqlDbType.Text, values, v => v.Value.Value.Text),
                Column("breakdown", NpgsqlDbType.Text, values, v => Breakdown(v.Value)),
                Column("reason", NpgsqlDbType.Text, values, v => v.Value.Value.NotAvailableReason),
                Column("explanation", NpgsqlDbType.Text, values, v => v.Value.Explanation),
                Column("source", NpgsqlDbType.Text, values, v => v.Value.Source),
                Column("by", NpgsqlDbType.Text, values, v => v.Value.RecordedBy),
                Column("at", NpgsqlDbType.TimestampTz, values, v => Utc(v.Value.RecordedAtUtc)));
        }

        if (answers.Count > 0)
        {
            Statement(batch, Answers,
                Column("principal", NpgsqlDbType.Text, answers, a => a.Principal),
                Column("key", NpgsqlDbType.Text, answers, a => a.Key),
                Column("hash", NpgsqlDbType.Text, answers, a => a.RequestHash),
                Column("response", NpgsqlDbType.Text, answers, a => a.Response),
                Column("at", NpgsqlDbType.TimestampTz, answers, a => Utc(a.CreatedAtUtc)));
        }

        // Prepared as the reads are; the idempotency keys' insert has no plan to go stale.
        await batch.PrepareAsync(cancellationToken);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidTextRepresentation && e.MessageText.Contains(ChangedMeanwhile, StringComparison.Ordinal))
        {
            throw new DbUpdateConcurrencyException("A reporting cycle was changed by someone else meanwhile.", e);
        }
    }

    private static NpgsqlBatchCommand Statement(NpgsqlBatch batch, string sql, params NpgsqlParameter[] columns)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(columns);
        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>One column of the rows as an array parameter.</summary>
    private static NpgsqlParameter Column<TRow, TValue>(string name, NpgsqlDbType type, IReadOnlyCollection<TRow> rows, Func<TRow, TValue> value) =>
        new(name, NpgsqlDbType.Array | type) { Value = rows.Select(value).ToArray() };

    /// <summary>An instant as EF writes it to a timestamp with time zone: in UTC.</summary>
    private static DateTime Utc(DateTime instant) => instant.Kind == DateTimeKind.Utc ? instant : instant.ToUniversalTime();
}
