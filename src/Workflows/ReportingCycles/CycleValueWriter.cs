using System.Data.Common;
using System.Threading.Channels;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Domain.Persistence.Postgres;
using Governance.Domain.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.ReportingCycles;

/// <summary>Whose submission it is: the municipality the request is limited to, or the system (jobs, seeding).</summary>
public sealed record SubmissionScope(MunicipalityId? MunicipalityId, bool IsSystem)
{
    public static SubmissionScope Of(IMunicipalityContext context) => new(context.MunicipalityId, context.IsSystem);

    public bool Sees(MunicipalityId owner) => IsSystem || owner == MunicipalityId;
}

/// <summary>
/// The one writer of submitted values in this process. Requests queue their submissions; the writer takes
/// whatever is waiting (up to <see cref="MaxBatch"/>), checks and applies each in turn on one unit of work, and
/// saves them in one transaction: on SQLite, writers that each commit on their own wait on one another's
/// locks (hundreds of milliseconds at the 99th percentile under load), and one commit for many submissions
/// is the difference between about a hundred and thousands a second. Each submission still stands alone:
/// one that fails its checks is answered and leaves nothing behind, and if the shared save fails (a
/// concurrent edit elsewhere) every submission of the batch is tried again on its own.
/// </summary>
public sealed partial class CycleValueWriter(IServiceScopeFactory scopes, ValueRules rules, IndicatorDefinitionCache definitions, TimeProvider time, ILogger<CycleValueWriter> logger)
    : IAsyncDisposable
{
    public const int MaxBatch = 200;

    /// <summary>How long a batch waits at most for the submissions it expects (see <see cref="RunAsync"/>).</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(2);

    // One reader, but not marked so: only the general channel counts what waits (see RunAsync).
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Lock _starting = new();
    private Task? _loop;

    // On PostgreSQL the batches share one connection of their own (see PostgresWriterConnection); unused on SQLite.
    private readonly PostgresWriterConnection _connection = new();
    private bool _gathers;

    private sealed record Pending(SubmitCycleValuesCommand Command, SubmissionScope Scope, TaskCompletionSource<Result<CycleValuesReceipt>> Answer);

    /// <summary>Queues the submission and answers when it is stored, or refused with the reason (nothing stored).</summary>
    public async Task<Result<CycleValuesReceipt>> SubmitAsync(SubmitCycleValuesCommand command, SubmissionScope scope, CancellationToken cancellationToken)
    {
        EnsureRunning();
        var pending = new Pending(command, scope, new TaskCompletionSource<Result<CycleValuesReceipt>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(CycleValueWriter), "The app is stopping; the values were not stored.");
        }

        // A request that gives up stops waiting; its submission, once taken, is still stored or refused whole.
        return await pending.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Checks a submission as it would be stored, storing nothing (the preview of an import); beside the writer, not through it.</summary>
    public async Task<Result<CycleValuesReceipt>> CheckAsync(SubmitCycleValuesCommand command, SubmissionScope scope, CancellationToken cancellationToken)
    {
        using var services = scopes.CreateScope();
        await using var db = services.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var batch = await ReadAsync(db, new EfCycleValueStore(db), [(command, scope)], cancellationToken);
        return batch.Apply(command, scope);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop;
        }

        await _connection.DisposeAsync();
    }

    private void EnsureRunning()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_starting)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var expected = 0;
        while (await _queue.Reader.WaitToReadAsync())
        {
            Take(batch);
            if (batch.Count < expected)
            {
                await GatherAsync(batch, expected);
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                // Nothing of the batch was stored (its transaction did not commit): every waiting request hears so.
                LogBatchFailed(e, batch.Count);
                batch.ForEach(p => p.Answer.TrySetException(e));
            }

            // On a database server, submissions queued while this batch was written mean several clients are sending
            // at once, and those just answered are about to send again. The next batch waits a moment for them, so that
            // the clients share one batch instead of alternating between two half as large: a batch costs the server
            // and this process about the same whatever its size (round trips, statements planned, one commit), so half
            // as many batches leave room for more submissions. A lone client is not kept waiting: nothing queued
            // behind it. On SQLite a batch costs little and the writer itself is what everyone waits for: no pause.
            var queued = _queue.Reader.Count;
            expected = queued > 0 && _gathers ? Math.Min(batch.Count + queued, MaxBatch) : 0;
            batch.Clear();
        }
    }

    private void Take(List<Pending> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    /// <summary>Takes submissions as they come until <paramref name="expected"/> are there or <see cref="Linger"/> has passed.</summary>
    private async Task GatherAsync(List<Pending> batch, int expected)
    {
        using var linger = new CancellationTokenSource(Linger);
        try
        {
            while (batch.Count < expected && await _queue.Reader.WaitToReadAsync(linger.Token))
            {
                Take(batch);
            }
        }
        catch (OperationCanceledException) when (linger.IsCancellationRequested)
        {
            // Written with those that came.
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var answers = await TryTogetherAsync(batch);
        if (answers is null)
        {
            // The shared save failed: one at a time, so each succeeds or fails on its own.
            foreach (var pending in batch)
            {
                try
                {
                    pending.Answer.TrySetResult(await AloneAsync(pending));
                }
                catch (Exception e)
                {
                    pending.Answer.TrySetException(e);
                }
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Answer.TrySetResult(answers[i]);
        }
    }

    /// <summary>The batch on one unit of work and one save; null when that save failed and nothing was stored.</summary>
    private async Task<List<Result<CycleValuesReceipt>>?> TryTogetherAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var services = scopes.CreateScope();
            await using var db = services.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
            // With the provider's own statements: this is the one path every submission of the process takes.
            ICycleValueStore store;
            if (db.Database.IsSqlite())
            {
                store = new SqliteCycleValueStore(db);
            }
            else
            {
                await _connection.UseAsync(db, CancellationToken.None);
                store = new PostgresCycleValueStore(db);
                _gathers = true;
            }

            CycleValueBatch values;
            try
            {
                values = await ReadAsync(db, store, [.. batch.Select(p => (p.Command, p.Scope))], CancellationToken.None);
            }
            catch (DbException e) when (attempt == 1 && _connection.Lost)
            {
                // The server closed the writer's connection while it waited (a restart, a terminated session): nothing
                // of the batch was written yet, so it is read again on a new connection.
                LogConnectionLost(e.Message);
                continue;
            }

            return await ApplyAndSaveAsync(batch, values);
        }
    }

    private async Task<List<Result<CycleValuesReceipt>>?> ApplyAndSaveAsync(List<Pending> batch, CycleValueBatch values)
    {
        var answers = new List<Result<CycleValuesReceipt>>(batch.Count);
        foreach (var pending in batch)
        {
            try
            {
                answers.Add(values.Apply(pending.Command, pending.Scope));
            }
            catch (DomainRuleException)
            {
                // A submission failed half way through its changes: they cannot be taken back on this unit of work.
                return null;
            }
        }

        if (!values.Changed)
        {
            return answers;
        }

        try
        {
            await values.SaveAsync(CancellationToken.None);
            return answers;
        }
        catch (DbUpdateException e)
        {
            LogBatchRetried(batch.Count, e.InnerException?.Message ?? e.Message);
            return null;
        }
    }

    private async Task<Result<CycleValuesReceipt>> AloneAsync(Pending pending)
    {
        using var services = scopes.CreateScope();
        await using var db = services.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var values = await ReadAsync(db, new EfCycleValueStore(db), [(pending.Command, pending.Scope)], CancellationToken.None);
        var answer = values.Apply(pending.Command, pending.Scope);
        if (!answer.Succeeded || !values.Changed)
        {
            return answer;
        }

        try
        {
            await values.SaveAsync(CancellationToken.None);
            return answer;
        }
        catch (DbUpdateException)
        {
            // The same key raced in from another server, or the cycle changed meanwhile: answer as that request did, or ask to reload.
            await using var again = services.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
            if (pending.Command.IdempotencyKey is { } key
                && await CycleValueBatch.ReplayAsync(again, pending.Command.Principal, key, CycleValueBatch.Hash(pending.Command), CancellationToken.None) is { } first)
            {
                return first;
            }

            return new Conflict("Iemand anders heeft tegelijk waarden voor deze rapportage opgeslagen. Probeer het opnieuw; er is niets opgeslagen.");
        }
    }

    /// <summary>What the submissions need, read on the unit of work they will be applied and saved on.</summary>
    private async Task<CycleValueBatch> ReadAsync(GovernanceDbContext db, ICycleValueStore store, IReadOnlyList<(SubmitCycleValuesCommand, SubmissionScope)> submissions,
        CancellationToken cancellationToken)
    {
        var batch = new CycleValueBatch(db, store, definitions, rules, time.GetUtcNow().UtcDateTime);
        await batch.LoadAsync(submissions, cancellationToken);
        return batch;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving {Count} submissions of values together failed ({Reason}); each is tried again on its own")]
    private partial void LogBatchRetried(int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The value writer's database connection was closed by the server ({Reason}); the batch is read again on a new connection")]
    private partial void LogConnectionLost(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} submissions of values failed; nothing of it was stored")]
    private partial void LogBatchFailed(Exception e, int count);
}
