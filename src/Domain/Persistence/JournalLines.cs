using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Domain.Persistence;

/// <summary>
/// Journal and history lines (owned, append-only, numbered by the database) are the bulk of a save that
/// moves many aggregates at once. When there are many, they are written in the save's transaction instead of one
/// tracked insert each: on SQLite with one prepared statement per table (<see cref="Sqlite.SqliteJournalLines"/>), on PostgreSQL with binary COPY after taking their numbers from the table's sequence in one round trip
/// (<see cref="Postgres.PostgresJournalLines"/>); the lines then carry their database number like any saved line.
/// Lines of an aggregate that is itself new go the usual way.
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
        var sqlite = context.Database.IsSqlite();
        var entries = context.ChangeTracker.Entries().ToList();
        var newOwners = entries.Where(e => e.State == EntityState.Added && !e.Metadata.IsOwned() && e.Metadata.FindPrimaryKey() is { Properties.Count: 1 })
            .Select(e => ((IReadOnlyEntityType)e.Metadata.GetRootType(), Key: e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue).Single()))
            .ToHashSet();
        var journalTypes = new Dictionary<IEntityType, bool>();
        var lines = entries.Where(e => e.State == EntityState.Added && (journalTypes.TryGetValue(e.Metadata, out var bulk) ? bulk : journalTypes[e.Metadata] = sqlite ? IsJournalLine(e.Metadata) : IsNumberedLine(e.Metadata)))
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
        _ = context.Database.CurrentTransaction ?? throw new InvalidOperationException("Journal lines are written inside the save's transaction.");
        foreach (var group in _lines.GroupBy(e => e.Metadata))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.Database.IsNpgsql())
            {
                await Postgres.PostgresJournalLines.WriteAsync(context, group.Key, [.. group], Columns(group.Key), cancellationToken);
            }
            else
            {
                Sqlite.SqliteJournalLines.Write(context, group.Key, [.. group], Columns(group.Key));
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

    /// <summary>
    /// Lines written in bulk on SQLite: owned, append-only lines numbered by the database (<see cref="IsNumberedLine"/>) whose
    /// every column <see cref="Sqlite.SqliteRowStatement"/> can write; a line type with another column type is saved the usual way.
    /// </summary>
    internal static bool IsJournalLine(IEntityType type) =>
        IsNumberedLine(type) && Columns(type).All(c => Sqlite.SqliteRowStatement.CanWrite(c.Converter?.ProviderClrType ?? c.Property.ClrType));

    internal static bool IsNumberedLine(IEntityType type) =>
        type.IsOwned()
        && type.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var clr }] }
        && (clr == typeof(int) || clr == typeof(long));

    /// <summary>The columns written, the database-numbered key left out, each with the converter to its stored value.</summary>
    internal static List<(IProperty Property, ValueConverter? Converter)> Columns(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties[0];
        return [.. type.GetProperties().Where(p => p != key && p.GetColumnName(table) is not null)
            .Select(p => (p, p.GetTypeMapping().Converter))];
    }
}
