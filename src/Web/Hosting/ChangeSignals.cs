using System.Collections.Concurrent;
using Governance.Domain.Persistence;
using Npgsql;

namespace Governance.Web.Hosting;

/// <summary>
/// Tells the other processes on the database that something they keep in memory has changed: the public register's
/// pages, the identities of API keys. A change raises its topic; once a second every process writes the topics it
/// raised (a counter per topic in ChangeSignals) and reads the counters, and runs what it subscribed for a counter
/// that went up elsewhere. On SQLite there is one process, and nothing to tell.
/// </summary>
public sealed class ChangeSignals(DatabaseSettings database)
{
    public const string PublicData = "public-data";
    public const string ApiKeys = "api-keys";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, byte> _raised = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _subscribers = new(StringComparer.Ordinal);
    private Dictionary<string, long>? _seen;

    public bool Shared { get; } = database.Provider == DatabaseProvider.Postgres;

    /// <summary>Something under <paramref name="topic"/> changed here; the others hear of it within about two seconds.</summary>
    public void Raise(string topic)
    {
        if (Shared)
        {
            _raised[topic] = 0;
        }
    }

    /// <summary>What to do when another process raised <paramref name="topic"/>.</summary>
    public void Subscribe(string topic, Action changedElsewhere) =>
        _subscribers.AddOrUpdate(topic, changedElsewhere, (_, before) => before + changedElsewhere);

    /// <summary>Writes what was raised here, reads what was raised elsewhere; one round of the poll.</summary>
    public async Task ExchangeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var mine = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var topic in _raised.Keys)
        {
            _raised.TryRemove(topic, out _);
            await using var raise = new NpgsqlCommand(
                """
                INSERT INTO "ChangeSignals" ("Topic", "Version") VALUES (@topic, 1)
                ON CONFLICT ("Topic") DO UPDATE SET "Version" = "ChangeSignals"."Version" + 1
                RETURNING "Version"
                """, connection);
            raise.Parameters.AddWithValue("topic", topic);
            mine[topic] = (long)(await raise.ExecuteScalarAsync(cancellationToken))!;
        }

        var now = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("""SELECT "Topic", "Version" FROM "ChangeSignals" """, connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                now[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var seen = _seen;
        _seen = now;
        if (seen is null)
        {
            return;
        }

        foreach (var (topic, version) in now)
        {
            var before = seen.GetValueOrDefault(topic);
            // Only our own raise since the last round: nothing new from elsewhere.
            var ownOnly = mine.TryGetValue(topic, out var raised) && raised == version && before == version - 1;
            if (version != before && !ownOnly && _subscribers.TryGetValue(topic, out var changed))
            {
                changed();
            }
        }
    }
}

/// <summary>Runs <see cref="ChangeSignals.ExchangeAsync"/> every second, from when the database is ready, on PostgreSQL.</summary>
internal sealed class ChangeSignalPolling(ChangeSignals signals, Seeding.StartupPreparation startup, ILogger<ChangeSignalPolling> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!signals.Shared)
        {
            return;
        }

        try
        {
            await startup.Prepared.WaitAsync(stoppingToken);
        }
        catch (Exception) when (startup.Prepared.IsFaulted)
        {
            return; // the host does not start; its reason is logged there
        }

        using var timer = new PeriodicTimer(ChangeSignals.Interval);
        do
        {
            try
            {
                await signals.ExchangeAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.LogWarning(e, "Could not exchange change signals with the database; trying again in a second");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
