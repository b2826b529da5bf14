using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Governance.Domain.Persistence.Postgres;

/// <summary>
/// New journal lines of existing aggregates on PostgreSQL (see <see cref="JournalLines"/>): their numbers taken from the
/// identity column's sequence in one round trip, then every line written with binary COPY, key included, and marked saved.
/// </summary>
internal static class PostgresJournalLines
{
    public static async Task WriteAsync(DbContext context, IEntityType type, IReadOnlyList<EntityEntry> lines,
        IReadOnlyList<(IProperty Property, ValueConverter? Converter)> columns, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties[0];
        var keyColumn = key.GetColumnName(table)!;
        var quoted = PostgresCopy.Quoted(table);

        var numbers = new List<long>(lines.Count);
        await using (var take = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)", connection))
        {
            take.Parameters.AddWithValue("table", quoted);
            take.Parameters.AddWithValue("column", keyColumn);
            take.Parameters.AddWithValue("count", lines.Count);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                numbers.Add(reader.GetInt64(0));
            }
        }

        var keyType = key.GetRelationalTypeMapping().StoreTypeNameBase;
        var types = columns.Select(c => c.Property.GetRelationalTypeMapping().StoreTypeNameBase).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\"").Prepend($"\"{keyColumn}\""));
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {quoted} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var row = 0; row < lines.Count; row++)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Convert.ChangeType(numbers[row], key.ClrType, System.Globalization.CultureInfo.InvariantCulture), keyType, cancellationToken);
                for (var i = 0; i < columns.Count; i++)
                {
                    var (property, converter) = columns[i];
                    var value = lines[row].Property(property).CurrentValue;
                    await PostgresCopy.WriteAsync(copy, value is null || converter is null ? value : converter.ConvertToProvider(value), types[i], cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        for (var row = 0; row < lines.Count; row++)
        {
            lines[row].Property(key).CurrentValue = Convert.ChangeType(numbers[row], key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            lines[row].State = EntityState.Unchanged;
        }
    }
}
