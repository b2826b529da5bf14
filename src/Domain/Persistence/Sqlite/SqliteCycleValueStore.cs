using System.Data.Common;
using System.Text.Json;
using Governance.Domain.Common;
using Governance.Domain.ReportingCycles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Governance.Domain.Persistence.Sqlite.SqliteStatements;

namespace Governance.Domain.Persistence.Sqlite;

/// <summary>
/// The value writer's batches on SQLite (see <see cref="StatementCycleValueStore"/>): lists are matched as JSON arrays,
/// keys are upper-case text as EF writes them, and the changed rows are written with prepared statements, bound again
/// for each row: in the process, a statement costs no round trip.
/// </summary>
internal sealed class SqliteCycleValueStore(GovernanceDbContext db) : StatementCycleValueStore(db)
{
    protected override string In(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    protected override object Keys(IEnumerable<Guid> keys) => JsonSerializer.Serialize(keys.Select(Id));

    protected override object Texts(IEnumerable<string> texts) => JsonSerializer.Serialize(texts);

    protected override bool IsStatementFailure(DbException exception) => exception is SqliteException;

    protected override async Task WriteAsync(DbConnection connection, IReadOnlyCollection<ReportingCycle> changed, IReadOnlyList<IdempotencyRecord> answers,
        CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        await using var scope = await BeginTransactionAsync(cancellationToken);
        var transaction = scope.GetDbTransaction();
        await using var cycleRow = Command(sqlite, transaction,
            "UPDATE ReportingCycles SET Status = $status, Version = $version, NextTimer = $timer, NextTimerOn = $timerOn, RequiredValues = $required, " +
            "OutstandingValues = $outstanding WHERE Id = $id AND Version = $read");
        await using var journalLine = Command(sqlite, transaction,
            "INSERT INTO ReportingCycleJournal (CycleId, Sequence, AtUtc, Actor, \"From\", \"To\", \"Trigger\", Reason) VALUES ($cycle, $sequence, $at, $actor, $from, $to, $trigger, $reason)");
        await using var taskRow = Command(sqlite, transaction,
            "UPDATE IndicatorTasks SET Status = $status, ReturnReason = $reason, AssigneeUserId = $assignee WHERE Id = $id");
        await using var valueRow = Command(sqlite, transaction,
            "INSERT INTO RecordedValues (Id, TaskId, Sequence, DefinitionVersion, Number, Text, Breakdown, NotAvailableReason, Explanation, Source, RecordedBy, RecordedAtUtc) " +
            "VALUES ($id, $task, $sequence, $version, $number, $text, $breakdown, $reason, $explanation, $source, $by, $at)");
        await using var answer = Command(sqlite, transaction,
            "INSERT INTO IdempotencyRecords (Principal, \"Key\", RequestHash, Response, CreatedAtUtc) VALUES ($principal, $key, $hash, $response, $at)");

        foreach (var cycle in changed)
        {
            var read = CyclesRead[cycle.Id].Version;
            Set(cycleRow, ("$status", cycle.Status.ToString()), ("$version", read + 1), ("$timer", cycle.NextTimer.ToString()),
                ("$timerOn", OrNull(cycle.NextTimerOn is { } on ? Day(on) : null)), ("$required", cycle.RequiredValues), ("$outstanding", cycle.OutstandingValues),
                ("$id", Id(cycle.Id.Value)), ("$read", read));
            if (await cycleRow.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new DbUpdateConcurrencyException("The reporting cycle was changed by someone else meanwhile.");
            }

            foreach (var line in NewJournalLines(cycle))
            {
                Set(journalLine, ("$cycle", Id(cycle.Id.Value)), ("$sequence", line.Sequence), ("$at", Moment(line.AtUtc)), ("$actor", line.Actor),
                    ("$from", line.From.ToString()), ("$to", line.To.ToString()), ("$trigger", line.Trigger), ("$reason", OrNull(line.Reason)));
                await journalLine.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var task in MovedTasks(cycle))
            {
                Set(taskRow, ("$status", task.Status.ToString()), ("$reason", OrNull(task.ReturnReason)), ("$assignee", OrNull(task.AssigneeUserId)), ("$id", Id(task.Id.Value)));
                await taskRow.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var (task, value) in NewValues(cycle))
            {
                Set(valueRow, ("$id", Id(value.Id.Value)), ("$task", Id(task.Id.Value)), ("$sequence", value.Sequence), ("$version", value.DefinitionVersion),
                    ("$number", OrNull(value.Value.Number)), ("$text", OrNull(value.Value.Text)), ("$breakdown", OrNull(Breakdown(value))),
                    ("$reason", OrNull(value.Value.NotAvailableReason)), ("$explanation", OrNull(value.Explanation)), ("$source", OrNull(value.Source)),
                    ("$by", value.RecordedBy), ("$at", Moment(value.RecordedAtUtc)));
                await valueRow.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var record in answers)
        {
            Set(answer, ("$principal", record.Principal), ("$key", record.Key), ("$hash", record.RequestHash), ("$response", record.Response), ("$at", Moment(record.CreatedAtUtc)));
            await answer.ExecuteNonQueryAsync(cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
    }
}
