using Governance.Domain.Persistence.Postgres;
using Governance.Domain.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Governance.Domain.Persistence;

/// <summary>
/// New aggregates written in bulk inside the context's transaction by the provider's own writer: prepared row statements
/// on SQLite (<see cref="SqliteRows"/>), binary COPY on PostgreSQL (<see cref="PostgresCopy"/>), both with the tables and
/// columns of the EF model. The rows are not tracked.
/// </summary>
public static class BulkRows
{
    /// <summary>
    /// Writes the aggregates and returns how many rows went in, over all tables. With <paramref name="skipExisting"/> (rows of
    /// one table only, built whole by the application) a row that a unique index already holds is left out and not counted.
    /// </summary>
    public static async Task<int> InsertAsync<T>(GovernanceDbContext db, IReadOnlyCollection<T> roots, CancellationToken cancellationToken, bool skipExisting = false)
        where T : class =>
        db.Database.IsNpgsql()
            ? await PostgresCopy.InsertAsync(db, roots, cancellationToken, skipExisting)
            : SqliteRows.Insert(db, roots, cancellationToken, skipExisting);
}
