using System.Diagnostics;
using Governance.Domain.Persistence;
using Governance.Domain.Persistence.Postgres;
using Governance.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Web.Tests.Persistence;

/// <summary>The lock that processes on one database share: held by one at a time, and let go when its holder dies.</summary>
public abstract class DatabaseLockTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabases.Create(provider);

    public Task InitializeAsync()
    {
        DatabaseLock.EnsureDatabase(_database.Provider, _database.ConnectionString);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_second_holder_waits_for_the_first_and_gets_the_lock_once_it_is_let_go()
    {
        var first = await AcquireAsync("job:Opening", TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => AcquireAsync("job:Opening", TimeSpan.FromMilliseconds(600)));

        // Another name is another lock.
        await (await AcquireAsync("job:Sweep", TimeSpan.FromSeconds(1))).DisposeAsync();

        var waiting = AcquireAsync("job:Opening", TimeSpan.FromSeconds(10));
        await Task.Delay(400);
        Assert.False(waiting.IsCompleted);
        await first.DisposeAsync();
        await (await waiting).DisposeAsync();
    }

    [Fact]
    public async Task A_process_killed_while_holding_the_lock_does_not_hold_up_the_next()
    {
        const string name = "job:Opening";
        using var holder = StartHolder(name);
        try
        {
            // Until the other process holds it, this one gets it at once: wait for that moment.
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "The other process never took the lock.");
                try
                {
                    await (await AcquireAsync(name, TimeSpan.Zero)).DisposeAsync();
                    await Task.Delay(100);
                }
                catch (TimeoutException)
                {
                    break;
                }
            }

            holder.Kill(entireProcessTree: true);
            var taken = Stopwatch.StartNew();
            await using var mine = await AcquireAsync(name, TimeSpan.FromSeconds(30));
            Assert.True(taken.Elapsed < TimeSpan.FromSeconds(5), $"Took {taken.Elapsed.TotalSeconds:0.0} s after the holder died.");
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    private Task<HeldLock> AcquireAsync(string name, TimeSpan timeout) =>
        DatabaseLock.AcquireAsync(_database.Provider, _database.ConnectionString, name, timeout);

    /// <summary>Another process that takes the lock the way the app's would be seen by it, and sleeps holding it.</summary>
    private Process StartHolder(string name)
    {
        ProcessStartInfo start;
        if (_database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
            var path = Path.Combine(Path.GetDirectoryName(file)!, "locks", name.Replace(':', '_') + ".lock");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            start = new ProcessStartInfo("flock", ["--exclusive", path, "sleep", "120"]);
        }
        else
        {
            var connection = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
            start = new ProcessStartInfo("psql",
            [
                "-h", connection.Host!, "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database!,
            ]);
            start.Environment["PGPASSWORD"] = connection.Password;
            start.RedirectStandardInput = true;
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var holder = Process.Start(start)!;
        if (_database.Provider == DatabaseProvider.Postgres)
        {
            // Then idle in the session, as the app's lock connection is while its job runs (stdin stays open).
            holder.StandardInput.WriteLine($"SELECT pg_advisory_lock({PostgresLock.KeyOf(name)});");
            holder.StandardInput.Flush();
        }

        return holder;
    }
}

public sealed class SqliteDatabaseLockTests() : DatabaseLockTests(DatabaseProvider.Sqlite);

public sealed class PostgresDatabaseLockTests() : DatabaseLockTests(DatabaseProvider.Postgres);
