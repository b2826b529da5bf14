using System.Data.Common;
using System.Text.Json;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Persistence.Configurations;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Governance.Workflows.ReportingCycles.SqliteStatements;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// The value writer's batches on SQLite, without EF's change tracker: the rows are read with a few statements into
/// the domain's own objects (the same rules apply to them), and what the rules changed is written with prepared
/// statements: the cycle only if it still has the version read (as EF's concurrency token would), the tasks whose
/// state moved, the new values and journal lines, the answers to idempotency keys. EF's tracked reads and save cost
/// several times more per submission, and the writer is the one path every submission of the process takes. The rows
/// are exactly what EF writes; the columns are those of the model (see ReportingCycleConfiguration).
/// </summary>
internal sealed class SqliteCycleValueStore(GovernanceDbContext db) : ICycleValueStore
{
    private static readonly string DoneStatuses = string.Join(", ", ReportingStatusExtensions.DoneStatuses.Select(s => $"'{s}'"));

    /// <summary>What was read, to write only what changed and to refuse a cycle someone else saved meanwhile.</summary>
    private readonly Dictionary<ReportingCycleId, (int Version, int JournalLines)> _cyclesRead = [];

    private readonly Dictionary<IndicatorTaskId, (IndicatorTaskStatus Status, string? ReturnReason, string? Assignee, int LatestSequence)> _tasksRead = [];

    public async Task<IReadOnlyList<IdempotencyRecord>> AnsweredAsync(IReadOnlyList<string> principals, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var command = Command(await ConnectionAsync(cancellationToken), null,
            "SELECT Principal, \"Key\", RequestHash, Response, CreatedAtUtc FROM IdempotencyRecords " +
            "WHERE Principal IN (SELECT value FROM json_each($principals)) AND \"Key\" IN (SELECT value FROM json_each($keys))");
        command.Parameters.AddWithValue("$principals", JsonSerializer.Serialize(principals));
        command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var answered = new List<IdempotencyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            answered.Add(new IdempotencyRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.Utc(4)));
        }

        return answered;
    }

    public async Task<(Dictionary<ReportingCycleId, ReportingCycle> Cycles, Dictionary<IndicatorId, string> Codes)> CyclesAsync(
        IReadOnlyList<ReportingCycleId> cycleIds, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        // Three statements in one command: the cycles, their journals, and the named tasks with each one's latest value.
        await using var command = Command(await ConnectionAsync(cancellationToken), null,
            "SELECT Id, ObligationId, MunicipalityId, Period, Status, IsImported, ValuesDue, DraftDue, ApprovalsDue, SendToCouncil, " +
            "Version, NextTimer, NextTimerOn, RequiredValues, OutstandingValues FROM ReportingCycles WHERE Id IN (SELECT value FROM json_each($cycles));" +
            "SELECT CycleId, Sequence, AtUtc, Actor, \"From\", \"To\", \"Trigger\", Reason FROM ReportingCycleJournal WHERE CycleId IN (SELECT value FROM json_each($cycles));" +
            "SELECT t.Id, t.CycleId, t.IndicatorId, t.DefinitionVersion, t.TeamId, t.AssigneeUserId, t.DueDate, t.Status, t.ReturnReason, i.Code, " +
            "v.Id, v.Sequence, v.DefinitionVersion, v.Number, v.Text, v.Breakdown, v.NotAvailableReason, v.Explanation, v.Source, v.RecordedBy, v.RecordedAtUtc " +
            "FROM IndicatorTasks t JOIN Indicators i ON i.Id = t.IndicatorId " +
            "LEFT JOIN RecordedValues v ON v.TaskId = t.Id AND v.Sequence = (SELECT MAX(w.Sequence) FROM RecordedValues w WHERE w.TaskId = t.Id) " +
            "WHERE t.CycleId IN (SELECT value FROM json_each($cycles)) AND i.Code IN (SELECT value FROM json_each($codes))");
        command.Parameters.AddWithValue("$cycles", JsonSerializer.Serialize(cycleIds.Select(c => Id(c.Value))));
        command.Parameters.AddWithValue("$codes", JsonSerializer.Serialize(codes));
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
            journals.Add((new ReportingCycleId(reader.GetGuid(0)), new CycleJournalEntry(reader.Utc(2), reader.GetString(3),
                Enum.Parse<ReportingCycleStatus>(reader.GetString(4)), Enum.Parse<ReportingCycleStatus>(reader.GetString(5)), reader.GetString(6), reader.NullableString(7))
            {
                Sequence = reader.GetInt32(1),
            }));
        }

        var byCycle = journals.ToLookup(j => j.Cycle, j => j.Line);
        var cycles = new Dictionary<ReportingCycleId, ReportingCycle>(rows.Count);
        foreach (var (id, restore) in rows)
        {
            var cycle = restore(byCycle[id]);
            cycles[id] = cycle;
            _cyclesRead[id] = (cycle.Version, byCycle[id].Count());
        }

        await reader.NextResultAsync(cancellationToken);
        var indicatorCodes = new Dictionary<IndicatorId, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cycle = cycles[new ReportingCycleId(reader.GetGuid(1))];
            RecordedValue[] latest = reader.IsDBNull(10) ? [] : [ValueAt(reader, 10)];
            var task = IndicatorTask.Restore(cycle, new IndicatorTaskId(reader.GetGuid(0)), new IndicatorId(reader.GetGuid(2)), reader.GetInt32(3), new TeamId(reader.GetGuid(4)),
                reader.NullableString(5), reader.GetFieldValue<DateOnly>(6), Enum.Parse<IndicatorTaskStatus>(reader.GetString(7)), reader.NullableString(8), latest);
            indicatorCodes[task.IndicatorId] = reader.GetString(9);
            _tasksRead[task.Id] = (task.Status, task.ReturnReason, task.AssigneeUserId, latest.Length == 0 ? 0 : latest[0].Sequence);
        }

        return (cycles, indicatorCodes);
    }

    public async Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>>> HistoriesAsync(IReadOnlyCollection<IndicatorId> indicatorIds, CancellationToken cancellationToken)
    {
        // As IndicatorHistory reads them: each handed-in task's latest value, found by the task's (TaskId, Sequence) index.
        await using var command = Command(await ConnectionAsync(cancellationToken), null,
            "SELECT t.IndicatorId, c.Period, v.Number, v.Text, v.Breakdown, v.NotAvailableReason, v.Explanation, v.Source, v.RecordedAtUtc, t.DefinitionVersion " +
            "FROM IndicatorTasks t JOIN ReportingCycles c ON c.Id = t.CycleId JOIN RecordedValues v ON v.TaskId = t.Id " +
            $"WHERE t.IndicatorId IN (SELECT value FROM json_each($indicators)) AND t.Status IN ({DoneStatuses}) " +
            "AND v.Sequence = (SELECT MAX(w.Sequence) FROM RecordedValues w WHERE w.TaskId = t.Id)");
        command.Parameters.AddWithValue("$indicators", JsonSerializer.Serialize(indicatorIds.Select(i => Id(i.Value))));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var latest = new List<(IndicatorId, PeriodValue)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add((new IndicatorId(reader.GetGuid(0)), new PeriodValue(ReportingPeriod.Parse(reader.GetString(1)),
                ValueOf(reader, 2), reader.NullableString(6), reader.NullableString(7), reader.Utc(8), reader.GetInt32(9))));
        }

        return IndicatorHistory.Of(indicatorIds, latest);
    }

    public async Task SaveAsync(IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await WriteAsync(connection, transaction.GetDbTransaction(), changed, answers, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (SqliteException e)
            {
                // As from EF's save: the same key or value number saved meanwhile by another unit of work, or any other
                // failing statement, fails the save whole, and nothing of it stays.
                throw new DbUpdateException(e.Message, e);
            }
        }

        // As EF's save does: the versions the rows now have, then the events of what changed.
        foreach (var cycle in changed)
        {
            cycle.IncrementVersion();
        }

        var raised = changed.SelectMany(c => c.Tasks.Cast<Entity>().Prepend(c)).Where(e => e.DomainEvents.Count > 0).ToList();
        await db.PublishAsync(raised, [.. raised.SelectMany(e => e.DomainEvents)], cancellationToken);
    }

    private async Task WriteAsync(SqliteConnection connection, DbTransaction transaction, IReadOnlyCollection<ReportingCycle> changed,
        IReadOnlyList<IdempotencyRecord> answers, CancellationToken cancellationToken)
    {
        await using var cycleRow = Command(connection, transaction,
            "UPDATE ReportingCycles SET Status = $status, Version = $version, NextTimer = $timer, NextTimerOn = $timerOn, RequiredValues = $required, " +
            "OutstandingValues = $outstanding WHERE Id = $id AND Version = $read");
        await using var journalLine = Command(connection, transaction,
            "INSERT INTO ReportingCycleJournal (CycleId, Sequence, AtUtc, Actor, \"From\", \"To\", \"Trigger\", Reason) VALUES ($cycle, $sequence, $at, $actor, $from, $to, $trigger, $reason)");
        await using var taskRow = Command(connection, transaction,
            "UPDATE IndicatorTasks SET Status = $status, ReturnReason = $reason, AssigneeUserId = $assignee WHERE Id = $id");
        await using var valueRow = Command(connection, transaction,
            "INSERT INTO RecordedValues (Id, TaskId, Sequence, DefinitionVersion, Number, Text, Breakdown, NotAvailableReason, Explanation, Source, RecordedBy, RecordedAtUtc) " +
            "VALUES ($id, $task, $sequence, $version, $number, $text, $breakdown, $reason, $explanation, $source, $by, $at)");
        await using var answer = Command(connection, transaction,
            "INSERT INTO IdempotencyRecords (Principal, \"Key\", RequestHash, Response, CreatedAtUtc) VALUES ($principal, $key, $hash, $response, $at)");

        foreach (var cycle in changed)
        {
            var read = _cyclesRead[cycle.Id];
            Set(cycleRow, ("$status", cycle.Status.ToString()), ("$version", read.Version + 1), ("$timer", cycle.NextTimer.ToString()),
                ("$timerOn", OrNull(cycle.NextTimerOn is { } on ? Day(on) : null)), ("$required", cycle.RequiredValues), ("$outstanding", cycle.OutstandingValues),
                ("$id", Id(cycle.Id.Value)), ("$read", read.Version));
            if (await cycleRow.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new DbUpdateConcurrencyException("The reporting cycle was changed by someone else meanwhile.");
            }

            foreach (var line in cycle.Journal.Where(j => j.Sequence > read.JournalLines))
            {
                Set(journalLine, ("$cycle", Id(cycle.Id.Value)), ("$sequence", line.Sequence), ("$at", Moment(line.AtUtc)), ("$actor", line.Actor),
                    ("$from", line.From.ToString()), ("$to", line.To.ToString()), ("$trigger", line.Trigger), ("$reason", OrNull(line.Reason)));
                await journalLine.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var task in cycle.Tasks)
            {
                var was = _tasksRead[task.Id];
                if ((was.Status, was.ReturnReason, was.Assignee) != (task.Status, task.ReturnReason, task.AssigneeUserId))
                {
                    Set(taskRow, ("$status", task.Status.ToString()), ("$reason", OrNull(task.ReturnReason)), ("$assignee", OrNull(task.AssigneeUserId)), ("$id", Id(task.Id.Value)));
                    await taskRow.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var value in task.Values.Where(v => v.Sequence > was.LatestSequence))
                {
                    var breakdown = value.Value.Breakdown is { } b ? JsonSerializer.Serialize(b, RecordedValueConfiguration.Json) : null;
                    Set(valueRow, ("$id", Id(value.Id.Value)), ("$task", Id(task.Id.Value)), ("$sequence", value.Sequence), ("$version", value.DefinitionVersion),
                        ("$number", OrNull(value.Value.Number)), ("$text", OrNull(value.Value.Text)), ("$breakdown", OrNull(breakdown)),
                        ("$reason", OrNull(value.Value.NotAvailableReason)), ("$explanation", OrNull(value.Explanation)), ("$source", OrNull(value.Source)),
                        ("$by", value.RecordedBy), ("$at", Moment(value.RecordedAtUtc)));
                    await valueRow.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        foreach (var record in answers)
        {
            Set(answer, ("$principal", record.Principal), ("$key", record.Key), ("$hash", record.RequestHash), ("$response", record.Response), ("$at", Moment(record.CreatedAtUtc)));
            await answer.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        // EF's own connection, opened once for the unit of work: its settings (foreign keys) hold for these statements too.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (SqliteConnection)db.Database.GetDbConnection();
    }

    private static RecordedValue ValueAt(SqliteDataReader reader, int first) =>
        RecordedValue.Restore(new IndicatorValueId(reader.GetGuid(first)), reader.GetInt32(first + 1), reader.GetInt32(first + 2), ValueOf(reader, first + 3),
            reader.NullableString(first + 7), reader.NullableString(first + 8), reader.GetString(first + 9), reader.Utc(first + 10));

    /// <summary>The value from its four columns, from <paramref name="first"/>: number, text, breakdown, reason.</summary>
    private static IndicatorValue ValueOf(SqliteDataReader reader, int first) =>
        IndicatorValue.FromStorage(
            reader.IsDBNull(first) ? null : reader.GetDecimal(first),
            reader.NullableString(first + 1),
            reader.IsDBNull(first + 2) ? null : JsonSerializer.Deserialize<List<CategoryValue>>(reader.GetString(first + 2), RecordedValueConfiguration.Json),
            reader.NullableString(first + 3));
}
