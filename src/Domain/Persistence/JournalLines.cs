using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Domain.Persistence;

/// <summary>
/// Journal and history lines (owned, append-only, numbered by the database) are the bulk of a save that
/// moves many aggregates at once. On SQLite, when there are many, they are written with one prepared
/// statement per table in the save's transaction instead of one tracked insert each; the lines then carry
/// their database number like any saved line. Lines of an aggregate that is itself new go the usual way.
/// </summary>
internal sealed class JournalLines
{
    /// <summary>Below this many new lines the usual save is as fast.</summary>
    public const int BulkThreshold = 64;

    private readonly List<EntityEntry> _lines;

    private JournalLines(List<EntityEntry> lines) => _lines = lines;

    public int Count => _lines.Count;

    /// <summary>The new lines of existing aggregates, found after change detection.</summary>
    public static JournalLines Find(DbContext context)
    {
        var entries = context.ChangeTracker.Entries().ToList();
        var newOwners = entries.Where(e => e.State == EntityState.Added && !e.Metadata.IsOwned() && e.Metadata.FindPrimaryKey() is { Properties.Count: 1 })
            .Select(e => ((IReadOnlyEntityType)e.Metadata.GetRootType(), Key: e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue).Single()))
            .ToHashSet();
        var lines = entries.Where(e => e.State == EntityState.Added && IsJournalLine(e.Metadata))
            .Where(e =>
            {
                var ownership = e.Metadata.FindOwnership()!;
                return !newOwners.Contains(((IReadOnlyEntityType)ownership.PrincipalEntityType.GetRootType(), e.Property(ownership.Properties[0].Name).CurrentValue));
            })
            .ToList();
        return new JournalLines(lines);
    }

    /// <summary>Writes the lines in the current transaction and marks them saved; <see cref="Restore"/> undoes the marking if the save fails.</summary>
    public async Task WriteAsync(DbContext context, CancellationToken cancellationToken)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Journal lines are written inside the save's transaction.");
        foreach (var group in _lines.GroupBy(e => e.Metadata))
        {
            var type = group.Key;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var key = type.FindPrimaryKey()!.Properties[0];
            var columns = type.GetProperties().Where(p => p != key && p.GetColumnName(table) is not null)
                .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping())).ToList();
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) " +
                                  $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}) RETURNING \"{key.GetColumnName(table)}\"";
            var first = group.First();
            var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"$p{i}", first.Property(c.Property).CurrentValue, c.Property.IsNullable)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(cancellationToken);
            foreach (var line in group)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var (property, mapping) = columns[i];
                    var value = line.Property(property).CurrentValue;
                    parameters[i].Value = (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                }

                var number = await command.ExecuteScalarAsync(cancellationToken);
                line.Property(key).CurrentValue = Convert.ChangeType(number, key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                line.State = EntityState.Unchanged;
            }
        }
    }

    /// <summary>After a failed save the lines are new again, as if never written (their transaction rolled back).</summary>
    public void Restore()
    {
        foreach (var line in _lines.Where(l => l.State == EntityState.Unchanged))
        {
            var key = line.Metadata.FindPrimaryKey()!.Properties[0];
            line.State = EntityState.Detached;
            line.Property(key.Name).CurrentValue = Activator.CreateInstance(key.ClrType);
            line.State = EntityState.Added;
        }
    }

    private static bool IsJournalLine(IEntityType type) =>
        type.IsOwned()
        && type.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var clr }] }
        && (clr == typeof(int) || clr == typeof(long));
}
