using System.Data.Common;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Microsoft.Data.Sqlite;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Writes newly planned and opened cycles (with their journal lines and tasks) to SQLite inside the caller's
/// transaction: the bulk step of opening. One prepared statement per table, stepped once per row with its values
/// bound by position straight from UTF-8 buffers (<see cref="SqliteRowStatement"/>), so the cost is SQLite's own
/// insert and index upkeep, not the driver's per-command work. The rows are exactly what EF writes (upper-case GUID
/// text, ISO dates, enum names); the unique indexes and foreign keys still refuse a duplicate cycle or task, as a
/// <see cref="SqliteException"/>.
/// </summary>
internal static class SqliteCycleWriter
{
    private const string CycleRow =
        "INSERT INTO ReportingCycles (Id, ObligationId, MunicipalityId, Period, Status, IsImported, ValuesDue, DraftDue, ApprovalsDue, SendToCouncil, Version, NextTimer, NextTimerOn, RequiredValues, OutstandingValues) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

    private const string JournalRow =
        "INSERT INTO ReportingCycleJournal (CycleId, Sequence, AtUtc, Actor, \"From\", \"To\", \"Trigger\", Reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    private const string TaskRow =
        "INSERT INTO IndicatorTasks (Id, CycleId, IndicatorId, DefinitionVersion, TeamId, AssigneeUserId, DueDate, Status, ReturnReason) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, NULL)";

    public static void Write(DbConnection connection, IReadOnlyList<ReportingCycle> cycles, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        using var cycleRow = new SqliteRowStatement(sqlite, CycleRow);
        using var journalRow = new SqliteRowStatement(sqlite, JournalRow);
        using var taskRow = new SqliteRowStatement(sqlite, TaskRow);
        foreach (var cycle in cycles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            cycleRow.Id(1, cycle.Id.Value);
            cycleRow.Id(2, cycle.ObligationId.Value);
            cycleRow.Id(3, cycle.MunicipalityId.Value);
            cycleRow.Text(4, cycle.Period.Code);
            cycleRow.Text(5, cycle.Status.ToString());
            cycleRow.Day(6, cycle.Deadlines.ValuesDue);
            cycleRow.Day(7, cycle.Deadlines.DraftDue);
            cycleRow.Day(8, cycle.Deadlines.ApprovalsDue);
            cycleRow.Day(9, cycle.Deadlines.SendToCouncil);
            cycleRow.Integer(10, cycle.Version);
            cycleRow.Text(11, cycle.NextTimer.ToString());
            cycleRow.Day(12, cycle.NextTimerOn);
            cycleRow.Integer(13, cycle.RequiredValues);
            cycleRow.Integer(14, cycle.OutstandingValues);
            cycleRow.Run();

            foreach (var line in cycle.Journal)
            {
                journalRow.Id(1, cycle.Id.Value);
                journalRow.Integer(2, line.Sequence);
                journalRow.Moment(3, line.AtUtc);
                journalRow.Text(4, line.Actor);
                journalRow.Text(5, line.From.ToString());
                journalRow.Text(6, line.To.ToString());
                journalRow.Text(7, line.Trigger);
                journalRow.Text(8, line.Reason);
                journalRow.Run();
            }

            foreach (var task in cycle.Tasks)
            {
                taskRow.Id(1, task.Id.Value);
                taskRow.Id(2, cycle.Id.Value);
                taskRow.Id(3, task.IndicatorId.Value);
                taskRow.Integer(4, task.DefinitionVersion);
                taskRow.Id(5, task.TeamId.Value);
                taskRow.Day(6, task.DueDate);
                taskRow.Text(7, task.Status.ToString());
                taskRow.Run();
            }
        }
    }
}
