using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Governance.Domain.ReportingCycles;
using Microsoft.Data.Sqlite;
using static Governance.Workflows.ReportingCycles.SqliteStatements;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Writes newly planned and opened cycles (with their journal lines and tasks) to SQLite inside the caller's
/// transaction: the bulk step of opening. Each table's rows go in as one JSON array bound to one statement
/// (INSERT … SELECT from json_each), so SQLite unpacks the thousands of rows itself instead of the driver binding
/// every column of every row by name: about ten times faster than EF's inserts and faster than a prepared statement
/// per row. The rows are exactly what EF writes (upper-case GUID text, ISO dates, enum names); the unique indexes
/// and foreign keys still refuse a duplicate cycle or task.
/// </summary>
internal static class SqliteCycleWriter
{
    private const string CycleRows =
        "INSERT INTO ReportingCycles (Id, ObligationId, MunicipalityId, Period, Status, IsImported, ValuesDue, DraftDue, ApprovalsDue, SendToCouncil, Version, NextTimer, NextTimerOn, RequiredValues, OutstandingValues) " +
        "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 0, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13 FROM json_each($rows)";

    private const string JournalRows =
        "INSERT INTO ReportingCycleJournal (CycleId, Sequence, AtUtc, Actor, \"From\", \"To\", \"Trigger\", Reason) " +
        "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each($rows)";

    private const string TaskRows =
        "INSERT INTO IndicatorTasks (Id, CycleId, IndicatorId, DefinitionVersion, TeamId, AssigneeUserId, DueDate, Status, ReturnReason) " +
        "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, NULL, value ->> 5, value ->> 6, NULL FROM json_each($rows)";

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ReportingCycle> cycles, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        await InsertAsync(sqlite, transaction, CycleRows, cycles, static (row, c) =>
        {
            row.WriteStringValue(Id(c.Id.Value));
            row.WriteStringValue(Id(c.ObligationId.Value));
            row.WriteStringValue(Id(c.MunicipalityId.Value));
            row.WriteStringValue(c.Period.Code);
            row.WriteStringValue(c.Status.ToString());
            row.WriteStringValue(Day(c.Deadlines.ValuesDue));
            row.WriteStringValue(Day(c.Deadlines.DraftDue));
            row.WriteStringValue(Day(c.Deadlines.ApprovalsDue));
            row.WriteStringValue(Day(c.Deadlines.SendToCouncil));
            row.WriteNumberValue(c.Version);
            row.WriteStringValue(c.NextTimer.ToString());
            WriteNullable(row, c.NextTimerOn is { } on ? Day(on) : null);
            row.WriteNumberValue(c.RequiredValues);
            row.WriteNumberValue(c.OutstandingValues);
        }, cancellationToken);
        await InsertAsync(sqlite, transaction, JournalRows, [.. cycles.SelectMany(c => c.Journal.Select(line => (c.Id, line)))], static (row, j) =>
        {
            row.WriteStringValue(Id(j.Id.Value));
            row.WriteNumberValue(j.line.Sequence);
            row.WriteStringValue(Moment(j.line.AtUtc));
            row.WriteStringValue(j.line.Actor);
            row.WriteStringValue(j.line.From.ToString());
            row.WriteStringValue(j.line.To.ToString());
            row.WriteStringValue(j.line.Trigger);
            WriteNullable(row, j.line.Reason);
        }, cancellationToken);
        await InsertAsync(sqlite, transaction, TaskRows, [.. cycles.SelectMany(c => c.Tasks)], static (row, t) =>
        {
            row.WriteStringValue(Id(t.Id.Value));
            row.WriteStringValue(Id(t.CycleId.Value));
            row.WriteStringValue(Id(t.IndicatorId.Value));
            row.WriteNumberValue(t.DefinitionVersion);
            row.WriteStringValue(Id(t.TeamId.Value));
            row.WriteStringValue(Day(t.DueDate));
            row.WriteStringValue(t.Status.ToString());
        }, cancellationToken);
    }

    /// <summary>The rows as one JSON array of arrays (one per row, its columns in the statement's order), bound to the statement once.</summary>
    private static async Task InsertAsync<T>(SqliteConnection connection, DbTransaction transaction, string sql, IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> columns,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(rows.Count * 256);
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                columns(json, row);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        await using var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$rows", Encoding.UTF8.GetString(buffer.WrittenSpan));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void WriteNullable(Utf8JsonWriter row, string? value)
    {
        if (value is null)
        {
            row.WriteNullValue();
        }
        else
        {
            row.WriteStringValue(value);
        }
    }
}
