using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Governance.Domain.Persistence.Postgres;

/// <summary>
/// The value writer's own connection to PostgreSQL, kept open from one batch to the next. Taken from the pool for each
/// batch, the pool's connections came round in turn (a few dozen once a burst of requests had opened them), each batch
/// on a server process whose caches were cold, and each hand-back cost a reset; on one connection the batches share one
/// server process, its prepared statements and their plans (side by side on two app processes: about a third more
/// submissions a second, and a lower 99th percentile).
/// <para>
/// The connection plans its prepared statements generically (<c>plan_cache_mode</c>): the histories' read, whose
/// estimated generic plan PostgreSQL rates worse than a custom one, was otherwise planned again for every batch (about
/// half a millisecond of the server's time each, pg_stat_statements on 6 December). With both, a batch's reads took
/// about 2.7 ms instead of 4.9 under the value benchmark's load (docs/benchmarks.md). A statement sent unprepared is
/// planned as it is sent, with the statistics of that moment, so the idempotency keys' read (a table that grows from
/// nothing) does not keep a plan made while it was empty. Set at the start of the connection, so that it stays with
/// this connection and never reaches another client's (behind a pooler that drops start-up options, it is not set).
/// </para>
/// </summary>
internal sealed class PostgresWriterConnection : IAsyncDisposable
{
    /// <summary>How the connection shows in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "Governance value writer";

    private const string GenericPlans = "-c plan_cache_mode=force_generic_plan";

    private NpgsqlConnection? _connection;

    /// <summary>Whether the server closed the connection (a restart, a time limit, a terminated session): the next batch opens a new one.</summary>
    public bool Lost => _connection is { State: not ConnectionState.Open };

    /// <summary>Puts <paramref name="db"/> on the writer's connection, opened now if there is none or the last one was lost.</summary>
    public async Task UseAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        if (Lost)
        {
            await _connection!.DisposeAsync();
            _connection = null;
        }

        if (_connection is null)
        {
            var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()
                ?? throw new InvalidOperationException("The database context has no connection string."))
            {
                ApplicationName = ApplicationName,
                // Kept open, never handed back: no pool to return it to, and nothing to reset.
                Pooling = false,
            };
            if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
            {
                builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? GenericPlans : $"{builder.Options} {GenericPlans}";
            }

            var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            _connection = connection;
        }

        db.Database.SetDbConnection(_connection, contextOwnsConnection: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
