using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Domain.Persistence;

/// <summary>
/// Publishes the domain events of saves made inside an explicit transaction once that transaction commits, and drops
/// them when it rolls back: a handler never hears of a change that is not (or never will be) in the database.
/// </summary>
internal sealed class PublishAfterCommit : DbTransactionInterceptor
{
    public static readonly PublishAfterCommit Instance = new();

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is GovernanceDbContext db)
        {
            await db.PublishCommittedAsync(cancellationToken);
        }
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        eventData.Context is GovernanceDbContext { HasUncommittedEvents: true }
            ? throw new NotSupportedException("Commit asynchronously, so that domain events are published.")
            : result;

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without a commit rolls back without telling interceptors: a new one starting means it is over.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Discard(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Discard(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Discard(DbContextEventData eventData) => (eventData.Context as GovernanceDbContext)?.DiscardUncommittedEvents();
}
