using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Governance.Domain.Persistence.Sqlite;

/// <summary>
/// Writes new aggregates to SQLite inside the context's transaction, a table at a time, as <see cref="Postgres.PostgresCopy"/>
/// does on PostgreSQL: the tables <see cref="AggregateTables"/> reads from the EF model (a cycle, its journal lines, its
/// tasks), one prepared statement per table stepped once per row with its values bound by position
/// (<see cref="SqliteRowStatement"/>), so the cost is SQLite's own insert and index upkeep, not the driver's per-command
/// work. The rows are exactly what EF writes; the unique indexes and foreign keys still refuse a duplicate, as a
/// <see cref="SqliteException"/>. The rows are not tracked.
/// </summary>
public static class SqliteRows
{
    private static readonly ConcurrentDictionary<AggregateTables.Table, List<Action<SqliteRowStatement, int, object, object?>>> Binders = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Writes the aggregates and returns how many rows went in, over all tables. With <paramref name="skipExisting"/>
    /// (SQLite's INSERT OR IGNORE) a row that a unique index already holds is left out; so is a row breaking a NOT NULL or
    /// CHECK constraint, so use it only for rows built whole by the application, where the unique index is the point
    /// (notifications sent once).
    /// </summary>
    public static int Insert<T>(GovernanceDbContext db, IReadOnlyCollection<T> roots, CancellationToken cancellationToken, bool skipExisting = false)
        where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The rows are written inside a transaction, so that an aggregate is written whole or not at all.");
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = AggregateTables.Of(entity);
        if (skipExisting && table.Children.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has rows in other tables; leaving out existing rows takes rows of one table.");
        }

        return Write((SqliteConnection)db.Database.GetDbConnection(), table, skipExisting, [.. roots.Select(r => ((object)r, (object?)null))], cancellationToken);
    }

    private static int Write(SqliteConnection connection, AggregateTables.Table table, bool skipExisting, List<(object Item, object? Parent)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var columns = table.Columns;
        var unwritable = columns.FirstOrDefault(c => !SqliteRowStatement.CanWrite(c.StoredType));
        if (unwritable is not null)
        {
            throw new NotSupportedException($"{table.Name.Name}.{unwritable.Name} is stored as {unwritable.StoredType.Name}, which row statements do not write.");
        }

        var binders = Binders.GetOrAdd(table, t => [.. t.Columns.Select(Binder)]);
        var written = 0;
        using (var statement = SqliteRowStatement.Insert(connection, table.Name.Name, [.. columns.Select(c => c.Name)], orIgnore: skipExisting))
        {
            foreach (var (item, parent) in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < binders.Count; i++)
                {
                    binders[i](statement, i + 1, item, parent);
                }

                statement.Run();
                written += statement.Changes;
            }
        }

        foreach (var child in table.Children)
        {
            written += Write(connection, child.Table, skipExisting: false, AggregateTables.RowsOf(child, rows), cancellationToken);
        }

        return written;
    }

    /// <summary>Binds a column's value of a row to its position in the statement.</summary>
    private static Action<SqliteRowStatement, int, object, object?> Binder(AggregateTables.Column column)
    {
        if (column.ItemProperty is { } property && Typed(property) is { } typed)
        {
            return typed;
        }

        var value = column.Value;
        return (statement, position, item, parent) => statement.Value(position, value(item, parent));
    }

    /// <summary>
    /// A property of the item bound without boxing: read from its member and through its converter by a compiled
    /// expression, then bound as its stored type (a cycle has a dozen columns and an opening writes a hundred thousand
    /// rows). None for a type not bound this way, or a nullable property with a converter (a converter is not given null).
    /// </summary>
    private static Action<SqliteRowStatement, int, object, object?>? Typed(IProperty property)
    {
        if (property.GetMemberInfo(forMaterialization: false, forSet: false) is not { DeclaringType: { } declaring } member)
        {
            return null;
        }

        var item = Expression.Parameter(typeof(object), "item");
        Expression value = Expression.MakeMemberAccess(Expression.Convert(item, declaring), member);
        if (property.GetRelationalTypeMapping().Converter is { } converter)
        {
            if (property.IsNullable)
            {
                return null;
            }

            var toProvider = converter.ConvertToProviderExpression;
            value = ReplacingExpressionVisitor.Replace(toProvider.Parameters[0], Expression.Convert(value, toProvider.Parameters[0].Type), toProvider.Body);
        }

        var (method, argument) = value.Type switch
        {
            var t when t == typeof(Guid) => (nameof(SqliteRowStatement.Id), value),
            var t when t == typeof(string) => (nameof(SqliteRowStatement.Text), value),
            var t when t == typeof(DateOnly) || t == typeof(DateOnly?) => (nameof(SqliteRowStatement.Day), Expression.Convert(value, typeof(DateOnly?))),
            var t when t == typeof(DateTime) => (nameof(SqliteRowStatement.Moment), value),
            var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => (nameof(SqliteRowStatement.Integer), Expression.Convert(value, typeof(long))),
            var t when t == typeof(bool) => (nameof(SqliteRowStatement.Integer), Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L))),
            _ => (null, null),
        };
        if (method is null)
        {
            return null;
        }

        var statement = Expression.Parameter(typeof(SqliteRowStatement), "statement");
        var position = Expression.Parameter(typeof(int), "position");
        var parent = Expression.Parameter(typeof(object), "parent");
        var bind = Expression.Call(statement, typeof(SqliteRowStatement).GetMethod(method, [typeof(int), argument!.Type])!, position, argument);
        return Expression.Lambda<Action<SqliteRowStatement, int, object, object?>>(bind, statement, position, item, parent).Compile();
    }
}
