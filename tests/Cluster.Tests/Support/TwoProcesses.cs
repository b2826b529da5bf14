using System.Diagnostics;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Npgsql;

namespace Governance.Cluster.Tests.Support;

/// <summary>
/// Two app processes, each with its own data and home folder, started at the same moment on one empty PostgreSQL
/// database (the server scripts/test.sh starts; GOVERNANCE_TEST_POSTGRES overrides where it is), both running jobs.
/// </summary>
public sealed class TwoProcesses : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "governance-cluster", Guid.NewGuid().ToString("N"));
    private readonly string _name = "governance_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<AppProcess> _all = [];

    public static string Server =>
        Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES") ?? "Host=localhost;Port=5432;Username=postgres;Password=postgres";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    /// <summary>Every process started, killed ones too: their e-mails count.</summary>
    public IReadOnlyList<AppProcess> All => _all;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        await using (var server = new NpgsqlConnection(Server))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        A = Start("a");
        B = Start("b");
        await Task.WhenAll(A.WaitUntilServingAsync(StartTimeout), B.WaitUntilServingAsync(StartTimeout));
    }

    /// <summary>Starts a new process in place of one that was killed, on the same database.</summary>
    public async Task ReplaceAsync(AppProcess killed)
    {
        var next = Start(killed.Name[..1] + _all.Count);
        if (killed == A)
        {
            A = next;
        }
        else
        {
            B = next;
        }

        await next.WaitUntilServingAsync(StartTimeout);
    }

    public static string ApplicationName(string process) => "governance-" + process;

    /// <summary>The process whose session holds the database lock of that name now, if one does.</summary>
    public async Task<AppProcess?> HolderOfAsync(string lockName)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((l.classid::bigint << 32) | l.objid::bigint) = @key
            """, connection);
        find.Parameters.AddWithValue("key", Governance.Domain.Persistence.Postgres.PostgresLock.KeyOf(lockName));
        var holder = await find.ExecuteScalarAsync() as string;
        return _all.FirstOrDefault(p => !p.HasExited && ApplicationName(p.Name) == holder);
    }

    public GovernanceDbContext Database() =>
        GovernanceDatabase.Create(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString, FixedMunicipalityContext.System);

    /// <summary>Until no job is queued, running, waiting for another or scheduled, twice a second apart.</summary>
    public async Task WaitForJobsAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var quiet = 0;
        while (clock.Elapsed < timeout)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var busy = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing', 'Awaiting', 'Scheduled')", connection);
            quiet = (long)(await busy.ExecuteScalarAsync())! == 0 ? quiet + 1 : 0;
            if (quiet == 2)
            {
                return;
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"Jobs still busy after {timeout.TotalSeconds:0} s.\n{string.Join("\n", _all.Select(p => $"--- {p.Name}\n{p.LogTail()}"))}");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _all)
        {
            process.Dispose();
        }

        await using (var server = new NpgsqlConnection(Server))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }

        if (Environment.GetEnvironmentVariable("GOVERNANCE_KEEP_CLUSTER") is not null)
        {
            return; // the processes' folders and logs, for a look after a failure
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's clean-up.
        }
    }

    private AppProcess Start(string name)
    {
        // Named in the server's list of sessions, so a test can see which process holds a lock.
        var named = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = ApplicationName(name) }.ConnectionString;
        var process = AppProcess.Start(name, _root, named);
        _all.Add(process);
        return process;
    }
}
