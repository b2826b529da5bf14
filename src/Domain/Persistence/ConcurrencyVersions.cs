using Governance.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Governance.Domain.Persistence;

/// <summary>
/// Bumps the version of every aggregate root that changed, including one whose children changed
/// (a value added to a task of a cycle), so that a concurrent save of the same aggregate fails
/// instead of silently overwriting.
/// </summary>
internal static class ConcurrencyVersions
{
    /// <summary>
    /// Bumps the versions; changes must have been detected (the save detects them once, then turns automatic
    /// detection off, which a pass over thousands of tracked tasks would otherwise repeat for every query of the
    /// change tracker). The versions it bumps are detected on their own entries.
    /// </summary>
    public static void Increment(DbContext context)
    {
        var roots = context.ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.State == EntityState.Modified || (e.State == EntityState.Unchanged && ChildrenChanged(e)))
            .ToList();
        foreach (var root in roots)
        {
            root.Entity.IncrementVersion();
            root.DetectChanges();
        }
    }

    private static bool ChildrenChanged(EntityEntry entry)
    {
        foreach (var navigation in entry.Navigations)
        {
            if (navigation.Metadata.TargetEntityType.ClrType.IsAssignableTo(typeof(AggregateRoot)))
            {
                continue;
            }

            var children = navigation switch
            {
                CollectionEntry collection => collection.CurrentValue?.Cast<object>() ?? [],
                ReferenceEntry reference when reference.CurrentValue is not null => [reference.CurrentValue],
                _ => [],
            };
            foreach (var child in children)
            {
                var childEntry = entry.Context.Entry(child);
                if (childEntry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted || ChildrenChanged(childEntry))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
