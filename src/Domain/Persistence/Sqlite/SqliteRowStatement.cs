using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Governance.Domain.Persistence.Sqlite;

/// <summary>
/// One prepared SQLite statement on an open connection, run once per row with its parameters (?1, ?2…) bound by
/// position from UTF-8 on the stack: for writing tens of thousands of rows, where Microsoft.Data.Sqlite's work per
/// execution (finding the statements, binding by name, converting every string) costs as much as SQLite's insert.
/// Runs in whatever transaction the connection has open. Values are written as EF writes them on SQLite (upper-case
/// GUID text, ISO days, instants with seven decimals); a failed step throws the driver's own <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    /// <summary>How EF's SQLite provider stores a DateOnly.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>How EF's SQLite provider stores a DateTime.</summary>
    public const string MomentFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>An insert of one row into <paramref name="table"/>'s <paramref name="columns"/>, bound in their order (?1, ?2…).</summary>
    public static SqliteRowStatement Insert(SqliteConnection connection, string table, IReadOnlyList<string> columns, bool orIgnore = false) =>
        new(connection, $"INSERT {(orIgnore ? "OR IGNORE " : "")}INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                        $"VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})");

    /// <summary>A GUID as EF stores it: upper-case text with hyphens.</summary>
    public void Id(int position, Guid id)
    {
        Span<byte> text = stackalloc byte[36];
        id.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }

        Check(raw.sqlite3_bind_text(_statement, position, text));
    }

    public void Day(int position, DateOnly? day)
    {
        if (day is not { } value)
        {
            Check(raw.sqlite3_bind_null(_statement, position));
            return;
        }

        Span<byte> text = stackalloc byte[10];
        value.TryFormat(text, out var written, DayFormat, CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(_statement, position, text[..written]));
    }

    /// <summary>An instant with up to seven decimals, as EF writes a DateTime (no conversion of its kind).</summary>
    public void Moment(int position, DateTime instant)
    {
        Span<byte> text = stackalloc byte[32];
        instant.TryFormat(text, out var written, MomentFormat, CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(_statement, position, text[..written]));
    }

    public void Text(int position, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, position));
            return;
        }

        if (value.Length > 256)
        {
            Check(raw.sqlite3_bind_text(_statement, position, Encoding.UTF8.GetBytes(value)));
            return;
        }

        Span<byte> text = stackalloc byte[768];
        var written = Encoding.UTF8.GetBytes(value, text);
        Check(raw.sqlite3_bind_text(_statement, position, text[..written]));
    }

    public void Integer(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    /// <summary>Whether <see cref="Value"/> writes values of this type (after EF's value converter, if any).</summary>
    public static bool CanWrite(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(string) || t == typeof(Guid) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(bool) || t == typeof(double)
            || t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte));

    /// <summary>A value as EF's SQLite provider stores it, for the types <see cref="CanWrite"/> accepts.</summary>
    public void Value(int position, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                Check(raw.sqlite3_bind_null(_statement, position));
                break;
            case string text:
                Text(position, text);
                break;
            case Guid id:
                Id(position, id);
                break;
            case DateTime instant:
                Moment(position, instant);
                break;
            case DateOnly day:
                Day(position, day);
                break;
            case bool flag:
                Integer(position, flag ? 1 : 0);
                break;
            case double number:
                Check(raw.sqlite3_bind_double(_statement, position, number));
                break;
            case long or int or short or byte:
                Integer(position, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"A {value.GetType().Name} is not written by row statements.");
        }
    }

    /// <summary>How many rows the last run inserted or changed (none when INSERT OR IGNORE left it out).</summary>
    public int Changes => raw.sqlite3_changes(_database);

    /// <summary>The row number SQLite gave the last row inserted on this connection.</summary>
    public long LastRowId => raw.sqlite3_last_insert_rowid(_database);

    /// <summary>Executes the statement with the values bound, then readies it for the next row.</summary>
    public void Run()
    {
        var result = raw.sqlite3_step(_statement);
        if (result != raw.SQLITE_DONE)
        {
            try
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        raw.sqlite3_reset(_statement);
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
