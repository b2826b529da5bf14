using System.Collections;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Domain.Persistence;

/// <summary>
/// The tables a new aggregate is written to, read from the EF model, for the providers' bulk writers
/// (<see cref="Sqlite.SqliteRows"/>, <see cref="Postgres.PostgresCopy"/>): the root's table, then the tables of its owned
/// and cascading collections (a cycle, its journal lines, its tasks). Columns, store types and value converters are the
/// model's, so the rows are what EF would write; a foreign key to the parent that the model keeps in a shadow property
/// is taken from the parent; keys the database numbers are left to it. No column list is written by hand.
/// </summary>
internal static class AggregateTables
{
    private static readonly ConcurrentDictionary<IEntityType, Table> Tables = new();

    /// <summary>
    /// One column: its name, its store type, and its stored value from a row (the item, and the parent it belongs to); its
    /// property, when the value is that property of the item itself (not of a complex part, not the parent's key).
    /// </summary>
    public sealed record Column(string Name, string StoreType, Type StoredType, Func<object, object?, object?> Value, IProperty? ItemProperty);

    /// <summary>A collection of the aggregate written to a table of its own.</summary>
    public sealed record Child(Func<object, IEnumerable<object>> Items, Table Table);

    public sealed record Table(StoreObjectIdentifier Name, IReadOnlyList<Column> Columns, IReadOnlyList<Child> Children);

    public static Table Of(IEntityType entity) => Tables.GetOrAdd(entity, e => Plan(e, parent: null));

    /// <summary>The rows of the <paramref name="child"/> collection for these rows of its parent table: each item with the item it belongs to.</summary>
    public static List<(object Item, object? Parent)> RowsOf(Child child, IEnumerable<(object Item, object? Parent)> parents) =>
        [.. parents.SelectMany(p => child.Items(p.Item).Select(item => (item, (object?)p.Item)))];

    private static Table Plan(IEntityType entity, IEntityType? parent)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetColumnName(table) is not { } name || IsGeneratedByDatabase(property))
            {
                continue;
            }

            columns.Add(property.IsShadowProperty() ? ColumnOf(name, property, FromParent(property, parent), null) : ColumnOf(name, property, FromItem(property), property));
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
        return new Table(table, columns, children);
    }

    private static void AddComplex(IComplexProperty complex, StoreObjectIdentifier table, List<Column> columns)
    {
        foreach (var property in complex.ComplexType.GetProperties())
        {
            if (property.GetColumnName(table) is { } name)
            {
                columns.Add(ColumnOf(name, property, FromItem(property), null));
            }
        }

        foreach (var nested in complex.ComplexType.GetComplexProperties())
        {
            AddComplex(nested, table, columns);
        }
    }

    private static Column ColumnOf(string name, IProperty property, Func<object, object?, object?> value, IProperty? itemProperty)
    {
        var mapping = property.GetRelationalTypeMapping();
        var stored = mapping.Converter?.ProviderClrType ?? property.ClrType;
        return new Column(name, mapping.StoreTypeNameBase, Nullable.GetUnderlyingType(stored) ?? stored, value, itemProperty);
    }

    /// <summary>Identity columns (an owned collection's shadow key): the database numbers them.</summary>
    private static bool IsGeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(int) || property.ClrType == typeof(long));

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
            ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property a bulk writer cannot fill.");
        var getter = key.PrincipalKey.Properties[key.Properties.ToList().IndexOf(property)].GetGetter();
        var converter = property.GetRelationalTypeMapping().Converter;
        return (_, parentItem) => ToProvider(converter, getter.GetClrValueUsingContainingEntity(parentItem!));
    }

    private static object? ToProvider(ValueConverter? converter, object? value) =>
        value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
}
