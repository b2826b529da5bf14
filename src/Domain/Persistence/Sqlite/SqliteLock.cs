using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Governance.Domain.Persistence.Sqlite;

/// <summary>
/// An exclusive lock on a file in the "locks" folder beside the database file: the operating system releases it
/// when the process ends, however it ends. A database in memory (one process by nature) locks within the process.
/// </summary>
internal static class SqliteLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InMemory = new();

    public static Func<HeldLock?> Attempt(string connectionString, string name)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            var gate = InMemory.GetOrAdd(builder.DataSource + "/" + name, _ => new SemaphoreSlim(1, 1));
            return () => gate.Wait(0) ? new HeldLock(new Release(gate)) : null;
        }

        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) ?? ".", "locks");
        var path = Path.Combine(folder, string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".lock");
        return () =>
        {
            Directory.CreateDirectory(folder);
            try
            {
                // FileShare.None is an exclusive lock on the open file (flock on Unix), also between two opens in one process.
                return new HeldLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                return null;
            }
        };
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
