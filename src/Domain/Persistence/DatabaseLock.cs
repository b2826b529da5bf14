using Governance.Domain.Persistence.Postgres;
using Governance.Domain.Persistence.Sqlite;

namespace Governance.Domain.Persistence;

/// <summary>
/// A named lock that every process working on one database shares: the start-up (migrations and first data) and each
/// job that must not run twice at once take one. It is released when its holder disposes it, and also when the
/// holder dies (kill -9, a lost machine): then the next process takes over within seconds, not after a timeout.
/// On PostgreSQL a session advisory lock (its own connection, out of the pool, with short keepalives); on SQLite an
/// exclusive lock on a file beside the database.
/// </summary>
public static class DatabaseLock
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits for the lock up to <paramref name="timeout"/>; throws <see cref="TimeoutException"/> when it stays taken.</summary>
    public static HeldLock Acquire(DatabaseProvider provider, string connectionString, string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Func<HeldLock?> attempt = provider switch
        {
            DatabaseProvider.Postgres => PostgresLock.Attempt(connectionString, name),
            DatabaseProvider.Sqlite => SqliteLock.Attempt(connectionString, name),
        };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (attempt() is { } held)
            {
                return held;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The lock '{name}' is still held by another process after {timeout.TotalSeconds:0} s.");
            }

            cancellationToken.WaitHandle.WaitOne(Pause);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary><see cref="Acquire"/> off the caller's thread, for the start-up.</summary>
    public static Task<HeldLock> AcquireAsync(DatabaseProvider provider, string connectionString, string name, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.Run(() => Acquire(provider, connectionString, name, timeout, cancellationToken), cancellationToken);

    /// <summary>
    /// Makes a PostgreSQL database that is not there yet (the lock lives in it); a SQLite file is made when first opened.
    /// </summary>
    public static void EnsureDatabase(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            PostgresDatabase.EnsureExists(connectionString);
        }
    }
}

/// <summary>A lock held until disposed (or until its process ends).</summary>
public sealed class HeldLock(IDisposable release) : IDisposable, IAsyncDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
