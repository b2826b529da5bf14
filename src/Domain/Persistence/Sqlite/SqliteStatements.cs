using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Governance.Domain.Persistence.Sqlite;

/// <summary>
/// What the workflows' own SQLite statements share: commands in the caller's transaction, prepared once and bound
/// again for each row, and the columns written exactly as EF writes them (upper-case GUID text, ISO days, instants
/// in UTC with seven decimals).
/// </summary>
internal static class SqliteStatements
{
    public static SqliteCommand Command(SqliteConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Binds the values in order to the statement's parameters, preparing it on first use.</summary>
    public static void Set(SqliteCommand command, params ReadOnlySpan<(string Name, object Value)> values)
    {
        var parameters = command.Parameters;
        if (parameters.Count == 0)
        {
            foreach (var (name, value) in values)
            {
                parameters.AddWithValue(name, value);
            }

            command.Prepare();
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i].Value;
        }
    }

    public static string Id(Guid id) => id.ToString("D").ToUpperInvariant();

    public static string Day(DateOnly day) => day.ToString(SqliteRowStatement.DayFormat, CultureInfo.InvariantCulture);

    public static string Moment(DateTime instant) =>
        (instant.Kind == DateTimeKind.Utc ? instant : instant.ToUniversalTime()).ToString(SqliteRowStatement.MomentFormat, CultureInfo.InvariantCulture);

    /// <summary>A nullable column's value: the value, or NULL.</summary>
    public static object OrNull(object? value) => value ?? DBNull.Value;
}
