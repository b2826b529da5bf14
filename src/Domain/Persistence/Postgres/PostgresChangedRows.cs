using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Governance.Domain.Persistence.Postgres;

/// <summary>
/// Many changed rows of one table in one save on PostgreSQL (a job moving thousands of cycles a step): instead of one
/// UPDATE each, their changed columns go into a temporary table with binary COPY and in with one UPDATE … FROM, each row
/// only where its concurrency token still holds the value read, as EF checks it. If any row was changed or removed
/// meanwhile, the save fails with <see cref="DbUpdateConcurrencyException"/> and its transaction writes nothing.
/// Tables, columns and types come from the EF model. Rows whose change EF writes in a way of its own (a complex or
/// database-computed column, a table shared by several entity types) are left to EF.
/// </summary>
internal sealed class PostgresChangedRows
{
    /// <summary>Below this many changed rows of a table, EF's own batched updates are as fast.</summary>
    public const int BulkThreshold = 64;

    private static readonly ConcurrentDictionary<IEntityType, bool> Eligible = new();

    private readonly List<(EntityEntry Entry, IProperty[] Changed)> _rows;

    /// <summary>The values of the changed properties as read, per row written, for <see cref="Restore"/>.</summary>
    private readonly Dictionary<EntityEntry, object?[]> _read = [];

    private PostgresChangedRows(List<(EntityEntry Entry, IProperty[] Changed)> rows) => _rows = rows;

    public int Count => _rows.Count;

    /// <summary>The changed rows to write in bulk, found after change detection: a table's, when there are enough of them.</summary>
    public static PostgresChangedRows Find(DbContext context)
    {
        var rows = context.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Modified && Eligible.GetOrAdd(e.Metadata, type => CanWrite(context.Model, type)))
            .Where(e => !e.ComplexProperties.Any(c => c.IsModified))
            .Select(e => (Entry: e, Changed: e.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToArray()))
            .Where(r => r.Changed.Length > 0 && r.Changed.All(p => p.ValueGenerated == ValueGenerated.Never && p.GetComputedColumnSql() is null))
            .GroupBy(r => r.Entry.Metadata)
            .Where(g => g.Count() >= BulkThreshold)
            .SelectMany(g => g)
            .ToList();
        return new PostgresChangedRows(rows);
    }

    /// <summary>
    /// Writes the rows in the current transaction and marks them saved, the values written now the ones read, as EF
    /// leaves the rows it saves itself; <see cref="Restore"/> undoes the marking if the save fails.
    /// </summary>
    public async Task WriteAsync(DbContext context, CancellationToken cancellationToken)
    {
        _ = context.Database.CurrentTransaction ?? throw new InvalidOperationException("Changed rows are written inside the save's transaction.");
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        foreach (var group in _rows.GroupBy(r => (r.Entry.Metadata, Columns: string.Join(",", r.Changed.Select(p => p.Name)))))
        {
            var rows = group.ToList();
            var written = await UpdateAsync(connection, group.Key.Metadata, rows[0].Changed, rows, cancellationToken);
            if (written != rows.Count)
            {
                throw new DbUpdateConcurrencyException(
                    $"{rows.Count - written} of {rows.Count} {group.Key.Metadata.DisplayName()} rows were changed or removed by someone else meanwhile.");
            }

            foreach (var (entry, properties) in rows)
            {
                // Unchanged alone would put the values read back into the entity.
                _read[entry] = [.. properties.Select(p => entry.Property(p).OriginalValue)];
                entry.OriginalValues.SetValues(entry.CurrentValues);
                entry.State = EntityState.Unchanged;
            }
        }
    }

    /// <summary>After a failed save the rows are changed again from the values read, as before it (their transaction rolled back).</summary>
    public void Restore()
    {
        foreach (var (entry, changed) in _rows.Where(r => _read.ContainsKey(r.Entry)))
        {
            var read = _read[entry];
            for (var i = 0; i < changed.Length; i++)
            {
                entry.Property(changed[i]).OriginalValue = read[i];
                entry.Property(changed[i]).IsModified = true;
            }
        }

        _read.Clear();
    }

    private static async Task<int> UpdateAsync(NpgsqlConnection connection, IEntityType type, IProperty[] changed,
        List<(EntityEntry Entry, IProperty[] Changed)> rows, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var quoted = PostgresCopy.Quoted(table);
        var key = type.FindPrimaryKey()!.Properties[0];
        var token = type.GetProperties().SingleOrDefault(p => p.IsConcurrencyToken);
        string Column(IProperty property) => $"\"{property.GetColumnName(table)}\"";

        // The staged row: the key, the token as read (if any), the new values.
        var staged = new List<(string Name, string Select, IProperty Property, bool Original)> { (Column(key), Column(key), key, false) };
        if (token is not null)
        {
            staged.Add(("governance_read", $"{Column(token)} AS governance_read", token, true));
        }

        staged.AddRange(changed.Select(p => (Column(p), Column(p), p, false)));
        await ExecuteAsync(connection,
            $"CREATE TEMP TABLE governance_changed ON COMMIT DROP AS SELECT {string.Join(", ", staged.Select(s => s.Select))} FROM {quoted} WITH NO DATA", cancellationToken);

        var types = staged.Select(s => s.Property.GetRelationalTypeMapping().StoreTypeNameBase).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY governance_changed ({string.Join(", ", staged.Select(s => s.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (entry, _) in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < staged.Count; i++)
                {
                    var (_, _, property, original) = staged[i];
                    var value = original ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue;
                    var converter = property.GetTypeMapping().Converter;
                    await PostgresCopy.WriteAsync(copy, value is null || converter is null ? value : converter.ConvertToProvider(value), types[i], cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var set = string.Join(", ", changed.Select(p => $"{Column(p)} = s.{Column(p)}"));
        var check = token is null ? "" : $" AND t.{Column(token)} = s.governance_read";
        var written = await ExecuteAsync(connection,
            $"UPDATE {quoted} AS t SET {set} FROM governance_changed AS s WHERE t.{Column(key)} = s.{Column(key)}{check}", cancellationToken);
        await ExecuteAsync(connection, "DROP TABLE governance_changed", cancellationToken);
        return written;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A table of one entity type with a single-column key and at most one concurrency token.</summary>
    private static bool CanWrite(IModel model, IEntityType type) =>
        !type.IsOwned()
        && type.BaseType is null && !type.GetDirectlyDerivedTypes().Any()
        && type.GetTableName() is { } name
        && model.GetEntityTypes().Count(t => t.GetTableName() == name && t.GetSchema() == type.GetSchema()) == 1
        && type.FindPrimaryKey() is { Properties.Count: 1 }
        && type.GetProperties().Count(p => p.IsConcurrencyToken) <= 1;
}
