using System.Collections;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Governance.Domain.Persistence.Postgres;

/// <summary>
/// Writes new aggregates with PostgreSQL's binary COPY (Npgsql's importer), a table at a time, inside the context's
/// transaction: the root's table, then the tables of its owned and cascading collections (a cycle, its journal lines,
/// its tasks). Tables, columns, types and value converters come from the EF model, so the rows are what EF would write;
/// a foreign key to the parent that the model keeps in a shadow property is taken from the parent, database-generated
/// keys are left to the database. Constraints still apply (a duplicate fails the COPY). The rows are not tracked.
/// </summary>
public static class PostgresCopy
{
    private static readonly ConcurrentDictionary<IEntityType, TablePlan> Plans = new();

    /// <summary>
    /// Writes the aggregates and returns how many rows went in, over all tables. With <paramref name="skipExisting"/> (rows
    /// of one table only) the rows go through a temporary table and in with ON CONFLICT DO NOTHING: a row a unique index
    /// already holds is left out, as SQLite's INSERT OR IGNORE does (notifications sent once).
    /// </summary>
    public static async Task<int> InsertAsync<T>(GovernanceDbContext db, IReadOnlyCollection<T> roots, CancellationToken cancellationToken, bool skipExisting = false)
        where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("COPY runs inside a transaction, so that an aggregate is written whole or not at all.");
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var plan = Plans.GetOrAdd(entity, e => Plan(e, parent: null));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var rows = roots.Select(r => new Row(r, null)).ToList();
        if (!skipExisting)
        {
            return await WriteAsync(connection, plan, rows, cancellationToken);
        }

        if (plan.Children.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has rows in other tables; leaving out existing rows takes rows of one table.");
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var columns = string.Join(", ", plan.Columns.Select(c => $"\"{c.Name}\""));
        await using (var stage = new NpgsqlCommand($"CREATE TEMP TABLE IF NOT EXISTS governance_staged (LIKE {plan.Table}) ON COMMIT DROP", connection))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await WriteAsync(connection, plan with { Copy = plan.Copy.Replace($"COPY {plan.Table} ", "COPY governance_staged ", StringComparison.Ordinal), Children = [] }, rows, cancellationToken);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {plan.Table} ({columns}) SELECT {columns} FROM governance_staged ON CONFLICT DO NOTHING; DROP TABLE governance_staged", connection);
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> WriteAsync(NpgsqlConnection connection, TablePlan plan, List<Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using (var importer = await connection.BeginBinaryImportAsync(plan.Copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in plan.Columns)
                {
                    await WriteAsync(importer, column.Value(row.Item, row.Parent), column.DataType, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var written = rows.Count;
        foreach (var child in plan.Children)
        {
            written += await WriteAsync(connection, child.Plan, [.. rows.SelectMany(r => child.Items(r.Item).Select(item => new Row(item, r.Item)))], cancellationToken);
        }

        return written;
    }

    /// <summary>The table's name as PostgreSQL is given it: quoted, with its schema if it has one.</summary>
    internal static string Quoted(StoreObjectIdentifier table) =>
        string.IsNullOrEmpty(table.Schema) ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";

    /// <summary>One value of a row being copied, or NULL, as the column's store type.</summary>
    internal static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, string dataType, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, dataType, cancellationToken);

    private readonly record struct Row(object Item, object? Parent);

    private sealed record Column(string Name, string DataType, Func<object, object?, object?> Value);

    private sealed record Child(Func<object, IEnumerable<object>> Items, TablePlan Plan);

    private sealed record TablePlan(string Table, string Copy, IReadOnlyList<Column> Columns, IReadOnlyList<Child> Children);

    private static TablePlan Plan(IEntityType entity, IEntityType? parent)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetColumnName(table) is not { } name || IsGeneratedByDatabase(property))
            {
                continue;
            }

            columns.Add(new Column(name, DataType(property), property.IsShadowProperty() ? FromParent(property, parent) : FromItem(property)));
        }

        foreach (var complex in entity.GetComplexProperties())
        {
            AddComplex(complex, table, columns);
        }

        var children = entity.GetNavigations()
            .Where(n => n.IsCollection && n.ForeignKey.PrincipalEntityType == entity && (n.TargetEntityType.IsOwned() || n.ForeignKey.DeleteBehavior == DeleteBehavior.Cascade))
            .Select(n =>
            {
                var getter = n.GetGetter();
                return new Child(item => getter.GetClrValueUsingContainingEntity(item) is IEnumerable items ? items.Cast<object>() : [], Plan(n.TargetEntityType, entity));
            })
            .ToList();
        var quoted = Quoted(table);
        return new TablePlan(quoted, $"COPY {quoted} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", columns, children);
    }

    private static void AddComplex(IComplexProperty complex, StoreObjectIdentifier table, List<Column> columns)
    {
        foreach (var property in complex.ComplexType.GetProperties())
        {
            if (property.GetColumnName(table) is { } name)
            {
                columns.Add(new Column(name, DataType(property), FromItem(property)));
            }
        }

        foreach (var nested in complex.ComplexType.GetComplexProperties())
        {
            AddComplex(nested, table, columns);
        }
    }

    /// <summary>Identity columns (an owned collection's shadow key): the database numbers them.</summary>
    private static bool IsGeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(int) || property.ClrType == typeof(long));

    private static string DataType(IProperty property) => property.GetRelationalTypeMapping().StoreTypeNameBase;

    private static Func<object, object?, object?> FromItem(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetRelationalTypeMapping().Converter;
        return (item, _) => ToProvider(converter, getter.GetClrValueUsingContainingEntity(item));
    }

    /// <summary>A shadow foreign key to the parent of the collection: the parent's key.</summary>
    private static Func<object, object?, object?> FromParent(IProperty property, IEntityType? parent)
    {
        var key = property.GetContainingForeignKeys().FirstOrDefault(fk => parent is not null && fk.PrincipalEntityType.IsAssignableFrom(parent))
            ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property COPY cannot fill.");
        var getter = key.PrincipalKey.Properties[key.Properties.ToList().IndexOf(property)].GetGetter();
        var converter = property.GetRelationalTypeMapping().Converter;
        return (_, parentItem) => ToProvider(converter, getter.GetClrValueUsingContainingEntity(parentItem!));
    }

    private static object? ToProvider(Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter, object? value) =>
        value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
}
