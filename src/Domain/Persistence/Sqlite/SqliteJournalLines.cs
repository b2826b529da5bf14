using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Domain.Persistence.Sqlite;

/// <summary>
/// New journal lines of existing aggregates on SQLite (see <see cref="JournalLines"/>): one prepared statement per table
/// (<see cref="SqliteRowStatement"/>, bound by position), each line then carrying the number SQLite gave it, marked saved.
/// </summary>
internal static class SqliteJournalLines
{
    public static void Write(DbContext context, IEntityType type, IReadOnlyList<EntityEntry> lines, IReadOnlyList<(IProperty Property, ValueConverter? Converter)> columns)
    {
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties[0];
        using var statement = SqliteRowStatement.Insert(connection, table.Name, [.. columns.Select(c => c.Property.GetColumnName(table)!)]);
        foreach (var line in lines)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, converter) = columns[i];
                var value = line.Property(property).CurrentValue;
                statement.Value(i + 1, value is null || converter is null ? value : converter.ConvertToProvider(value));
            }

            statement.Run();
            line.Property(key).CurrentValue = Convert.ChangeType(statement.LastRowId, key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            line.State = EntityState.Unchanged;
        }
    }
}
