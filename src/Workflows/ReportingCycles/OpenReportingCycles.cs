using System.Collections.Concurrent;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.Obligations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Opens every reporting cycle that is due on <see cref="Today"/>, in every municipality: for each open
/// obligation, each period from its reporting start whose cycle opens by today and does not exist yet.
/// Safe to run twice, or on two servers at once: existing cycles are skipped and the unique index on
/// (obligation, period) refuses a duplicate, so a rerun after a crash finishes the work.
/// </summary>
public sealed record OpenReportingCyclesCommand(DateOnly Today, int BatchSize = 1_000) : ICommand<OpeningReport>;

public sealed record OpeningReport(int Opened, int Tasks, IReadOnlyList<string> Skipped);

public sealed partial class OpenReportingCyclesHandler(
    ISystemDatabase database,
    CycleTimers timers,
    WorkingDayCalendar workingDays,
    DeadlineRules rules,
    TimeProvider time,
    ILogger<OpenReportingCyclesHandler> logger)
    : ICommandHandler<OpenReportingCyclesCommand, OpeningReport>
{
    public const string Actor = "Governance (planning)";

    public async ValueTask<OpeningReport> Handle(OpenReportingCyclesCommand command, CancellationToken cancellationToken)
    {
        var skipped = new List<string>();
        var batches = Batches(await FindDueAsync(command.Today, skipped, cancellationToken), command.BatchSize);
        bool sideBySide;
        await using (var probe = database.CreateContext())
        {
            sideBySide = probe.Database.IsNpgsql();
        }

        var (opened, tasks) = sideBySide ? await OpenSideBySideAsync(batches, cancellationToken) : await OpenInTurnAsync(batches, cancellationToken);
        LogOpened(opened, tasks, command.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), skipped.Count);
        return new OpeningReport(opened, tasks, skipped);
    }

    /// <summary>
    /// PostgreSQL writes several batches at once, each planned and written on its own connection in its own transaction:
    /// one batch's COPY keeps one server process busy (most of it checking each row's foreign keys), so more of them use
    /// the server's other cores. Batches share no obligation, so they never wait for each other's rows.
    /// </summary>
    private async Task<(int Opened, int Tasks)> OpenSideBySideAsync(List<List<(Candidate Obligation, DuePeriod Due)>> batches, CancellationToken cancellationToken)
    {
        var opened = 0;
        var tasks = 0;
        var definitions = new ConcurrentDictionary<IndicatorId, IndicatorDefinition>();
        // Two on two cores (measured: 100,000 cycles in 33 s instead of 54 s; three took 36 s), at most four connections.
        var writers = Math.Clamp(Environment.ProcessorCount, 2, 4);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            await using var planned = await PrepareAsync(batch, definitions, ct);
            var (batchOpened, batchTasks) = await WriteAsync(planned, ct);
            Interlocked.Add(ref opened, batchOpened);
            Interlocked.Add(ref tasks, batchTasks);
        });
        return (opened, tasks);
    }

    /// <summary>SQLite has one writer: the batches are written in turn, each read and planned while the one before is written.</summary>
    private async Task<(int Opened, int Tasks)> OpenInTurnAsync(List<List<(Candidate Obligation, DuePeriod Due)>> batches, CancellationToken cancellationToken)
    {
        var opened = 0;
        var tasks = 0;
        var definitions = new ConcurrentDictionary<IndicatorId, IndicatorDefinition>();
        // While a batch is written (SQLite's work, on this thread), the next one is read and planned on the thread pool:
        // batches share no obligation, so the one being planned never depends on the one being written.
        var next = batches.Count > 0 ? Task.Run(() => PrepareAsync(batches[0], definitions, cancellationToken), cancellationToken) : null;
        try
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var batch = await next!;
                var following = i + 1 < batches.Count ? batches[i + 1] : null;
                next = following is null ? null : Task.Run(() => PrepareAsync(following, definitions, cancellationToken), cancellationToken);
                await using (batch)
                {
                    var (batchOpened, batchTasks) = await WriteAsync(batch, cancellationToken);
                    opened += batchOpened;
                    tasks += batchTasks;
                }
            }
        }
        finally
        {
            // A batch planned after one that failed is not written; its context is released all the same.
            if (next is not null)
            {
                await next.ContinueWith(static planned => planned.IsCompletedSuccessfully ? planned.Result.DisposeAsync().AsTask() : Task.CompletedTask, TaskScheduler.Default).Unwrap();
            }
        }

        return (opened, tasks);
    }

    /// <summary>The due periods in batches of about <paramref name="size"/>, each obligation's periods (a catch-up of several) in one batch.</summary>
    private static List<List<(Candidate Obligation, DuePeriod Due)>> Batches(List<(Candidate Obligation, DuePeriod Due)> due, int size)
    {
        var batches = new List<List<(Candidate, DuePeriod)>>();
        List<(Candidate Obligation, DuePeriod Due)>? current = null;
        foreach (var item in due)
        {
            if (current is null || (current.Count >= size && current[^1].Obligation.Id != item.Obligation.Id))
            {
                batches.Add(current = new List<(Candidate, DuePeriod)>(size));
            }

            current.Add(item);
        }

        return batches;
    }

    /// <summary>What the schedule needs of an obligation; read as a projection, not the whole aggregate.</summary>
    private sealed record Candidate(ObligationId Id, MunicipalityId MunicipalityId, string Reference, Cadence Cadence, DateOnly? DueDate, DateOnly? EndDate, DateOnly ReportingFrom,
        DateOnly RegisteredOn)
    {
        public IReadOnlyList<IndicatorId> RequiredIndicators { get; set; } = [];
    }

    private async Task<List<(Candidate Obligation, DuePeriod Due)>> FindDueAsync(DateOnly today, List<string> skipped, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var obligations = await db.Obligations
            .Where(o => o.Status == ObligationStatus.Registered || o.Status == ObligationStatus.InProgress)
            .OrderBy(o => o.Id) // so that a rerun over the same obligations forms the same batches
            .Select(o => new Candidate(o.Id, o.MunicipalityId, o.Reference, o.Cadence, o.DueDate, o.EndDate, o.ReportingFrom, o.RegisteredOn))
            .ToListAsync(cancellationToken);
        var required = await RequiredIndicatorsAsync(db, cancellationToken);
        // A derived indicator is not asked for: the measured ones it is computed from are, each once.
        var derived = await DerivedIndicators.LoadAsync(db, cancellationToken);
        var measured = new Dictionary<IReadOnlyList<IndicatorId>, IReadOnlyList<IndicatorId>>(ReferenceEqualityComparer.Instance);
        foreach (var obligation in obligations)
        {
            var list = required.GetValueOrDefault(obligation.Id.Value) ?? [];
            if (!measured.TryGetValue(list, out var asked))
            {
                measured[list] = asked = derived.Measured(list);
            }

            obligation.RequiredIndicators = asked;
        }

        // The cycles already there of the periods that could be due: not every cycle of every earlier year, which would
        // make each quarter's run read more than the last (900,000 rows in an installation of 100,000 obligations).
        var periods = obligations.SelectMany(o => Candidates(o, today)).Distinct().ToList();
        var existing = (await db.ReportingCycles.AsNoTracking().Where(c => periods.Contains(c.Period)).Select(c => new { c.ObligationId, c.Period }).ToListAsync(cancellationToken))
            .Select(c => (c.ObligationId, c.Period)).ToHashSet();
        var calendars = (await db.PlanningYears.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(y => y.MunicipalityId)
            .ToDictionary(g => g.Key, g => new PlanningCalendar(g));

        var due = new List<(Candidate, DuePeriod)>();
        // Thousands of obligations share a handful of schedules: each municipality's deadlines per cadence and period are worked out once.
        var schedules = new Dictionary<MunicipalityId, ReportingSchedule>();
        var known = new Dictionary<(MunicipalityId, Cadence, ReportingPeriod), (Result<StepDeadlines> Deadlines, DateOnly? OpensOn)>();
        foreach (var obligation in obligations)
        {
            if (!schedules.TryGetValue(obligation.MunicipalityId, out var schedule))
            {
                var calendar = calendars.GetValueOrDefault(obligation.MunicipalityId) ?? PlanningCalendar.Empty;
                schedules[obligation.MunicipalityId] = schedule = new ReportingSchedule(calendar, calendar.WorkingDays(workingDays), rules);
            }

            foreach (var period in Candidates(obligation, today))
            {
                if (!known.TryGetValue((obligation.MunicipalityId, obligation.Cadence, period), out var planned))
                {
                    var worked = schedule.DeadlinesFor(obligation.Cadence, period);
                    known[(obligation.MunicipalityId, obligation.Cadence, period)] = planned = (worked, worked.Succeeded ? schedule.OpensOn(worked.Value) : null);
                }

                var deadlines = planned.Deadlines;
                if (!deadlines.Succeeded)
                {
                    // A period still running may wait for its calendar date; an ended one is a calendar gap to fix.
                    if (period.End < today)
                    {
                        skipped.Add($"{obligation.Reference} {period.Code}: {deadlines.Error.Message}");
                        LogSkipped(obligation.Reference, deadlines.Error.Message);
                    }

                    continue;
                }

                // A new obligation never opens late: deadlines too close to its registration count forward from it.
                var kept = schedule.NotBefore(deadlines.Value, obligation.RegisteredOn);
                var opensOn = kept == deadlines.Value ? planned.OpensOn : schedule.OpensOn(kept);
                if (opensOn <= today && !existing.Contains((obligation.Id, period)))
                {
                    due.Add((obligation, new DuePeriod(period, kept)));
                }
            }
        }

        return due;
    }

    /// <summary>
    /// The required indicators of every open obligation in their order, read with a plain data reader as one row per
    /// obligation (its indicators' ids joined by commas): a quarter's run covers every indicator of every open obligation
    /// (120,000 for 10,000 obligations), where EF's materialisation, or a row and two parsed GUIDs per indicator, cost
    /// more than the query. Obligations asking for the same indicators share one list. The open obligations are a set
    /// the rows are checked against, not a join: SQLite then reads the indicators once instead of looking up each row's
    /// obligation. A retired indicator is asked for no more.
    /// </summary>
    private static async Task<Dictionary<Guid, IReadOnlyList<IndicatorId>>> RequiredIndicatorsAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        var joined = db.Database.IsNpgsql()
            ? """string_agg(r."IndicatorId"::text, ',' ORDER BY r."Position")"""
            : """group_concat(r."IndicatorId", ',' ORDER BY r."Position")""";
        var required = new Dictionary<Guid, IReadOnlyList<IndicatorId>>();
        var lists = new Dictionary<string, IReadOnlyList<IndicatorId>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT r."ObligationId", {joined}
                FROM "ObligationIndicators" r
                WHERE r."ObligationId" IN (SELECT o."Id" FROM "Obligations" o WHERE o."Status" IN ('{ObligationStatus.Registered}', '{ObligationStatus.InProgress}'))
                  AND r."IndicatorId" NOT IN (SELECT i."Id" FROM "Indicators" i WHERE i."RetiredOn" IS NOT NULL)
                GROUP BY r."ObligationId"
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var indicators = reader.GetString(1);
                if (!lists.TryGetValue(indicators, out var list))
                {
                    lists[indicators] = list = [.. indicators.Split(',').Select(i => new IndicatorId(Guid.Parse(i)))];
                }

                required[reader.GetFieldValue<Guid>(0)] = list;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return required;
    }

    /// <summary>The periods that could be due: from the reporting start to the end date, looking a year ahead (a one-off report opens weeks before its due date).</summary>
    private static IEnumerable<ReportingPeriod> Candidates(Candidate obligation, DateOnly today)
    {
        if (obligation.Cadence == Cadence.Once)
        {
            return obligation.DueDate is { } due ? [ReportingPeriod.OnDate(due)] : [];
        }

        var horizon = today.AddYears(1);
        var last = obligation.EndDate is { } end && end < horizon ? end : horizon;
        return obligation.Cadence.PeriodsEndingBetween(obligation.ReportingFrom, last);
    }

    /// <summary>A batch read and planned, on a context of its own that holds the obligations whose reporting starts now.</summary>
    private sealed record PlannedBatch(GovernanceDbContext Context, IReadOnlyCollection<(Candidate Obligation, DuePeriod Due)> Due, List<ReportingCycle> Cycles) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    /// <summary>
    /// What planning needs is read as rows; only the obligations whose reporting starts now are loaded whole, to move them on.
    /// </summary>
    private async Task<PlannedBatch> PrepareAsync(
        IReadOnlyCollection<(Candidate Obligation, DuePeriod Due)> batch,
        ConcurrentDictionary<IndicatorId, IndicatorDefinition> definitions,
        CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        try
        {
            var obligationIds = batch.Select(b => b.Obligation.Id).Distinct().ToList();
            // The status again, as an obligation may have lapsed since the run began; the indicators were read with the candidates.
            var statuses = await db.Obligations.AsNoTracking().Where(o => EF.Parameter(obligationIds).Contains(o.Id)).Select(o => new { o.Id, o.Status }).ToDictionaryAsync(o => o.Id, o => o.Status, cancellationToken);
            var subjects = batch.Select(b => b.Obligation).DistinctBy(o => o.Id).Where(o => statuses.ContainsKey(o.Id)).ToDictionary(o => o.Id, o => (Status: statuses[o.Id],
                Subject: new ObligationToReport(o.Id, o.MunicipalityId, o.Reference, statuses[o.Id] is ObligationStatus.Fulfilled or ObligationStatus.Lapsed, o.RequiredIndicators)));
            var starting = subjects.Where(s => s.Value.Status == ObligationStatus.Registered).Select(s => s.Key).ToList();
            var startingObligations = starting.Count == 0
                ? []
                : await db.Obligations.Where(o => starting.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            var missing = subjects.Values.SelectMany(o => o.Subject.RequiredIndicators).Distinct().Where(i => !definitions.ContainsKey(i)).ToList();
            if (missing.Count > 0)
            {
                foreach (var indicator in await db.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => missing.Contains(i.Id)).ToListAsync(cancellationToken))
                {
                    definitions[indicator.Id] = indicator.Current;
                }
            }

            var now = time.GetUtcNow().UtcDateTime;
            var today = MunicipalTime.Today(time);
            var cycles = new List<ReportingCycle>();
            foreach (var (planned, duePeriod) in batch)
            {
                if (!subjects.TryGetValue(planned.Id, out var obligation) || obligation.Subject.IsClosed)
                {
                    continue;
                }

                var cycle = ReportingCycle.Plan(obligation.Subject, duePeriod.Period, duePeriod.Deadlines,
                    [.. obligation.Subject.RequiredIndicators.Select(i => definitions[i])]);
                new ReportingCycleWorkflow(cycle, now, Actor).Fire(ReportingCycleWorkflow.Trigger.Open);
                timers.Start(cycle);
                if (startingObligations.TryGetValue(planned.Id, out var registered) && registered.Status == ObligationStatus.Registered)
                {
                    new ObligationWorkflow(registered, today, now, Actor).Fire(ObligationWorkflow.Trigger.StartReporting);
                }

                cycles.Add(cycle);
            }

            return new PlannedBatch(db, batch, cycles);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>One transaction per batch: a batch is opened whole or not at all.</summary>
    private async Task<(int Opened, int Tasks)> WriteAsync(PlannedBatch batch, CancellationToken cancellationToken)
    {
        var (db, cycles) = (batch.Context, batch.Cycles);
        try
        {
            // The bulk step: the planned rows (cycles, journal lines, tasks) written by the provider's own writer in the
            // batch's transaction, with the obligations moved on by the save.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BulkRows.InsertAsync(db, cycles, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            return (cycles.Count, cycles.Sum(c => c.Tasks.Count));
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Another run opened some of these meanwhile: open what is still missing, one by one.
            LogRace(e.InnerException?.Message ?? e.Message);
            return await OpenOneByOneAsync(batch.Due, cancellationToken);
        }
    }

    private async Task<(int Opened, int Tasks)> OpenOneByOneAsync(IReadOnlyCollection<(Candidate Obligation, DuePeriod Due)> batch, CancellationToken cancellationToken)
    {
        var opened = 0;
        var tasks = 0;
        foreach (var item in batch)
        {
            await using var db = database.CreateContext();
            if (await db.ReportingCycles.AnyAsync(c => c.ObligationId == item.Obligation.Id && c.Period == item.Due.Period, cancellationToken))
            {
                continue;
            }

            try
            {
                await using var planned = await PrepareAsync([item], new(), cancellationToken);
                var (o, t) = await WriteAsync(planned, cancellationToken);
                opened += o;
                tasks += t;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // Opened by the other run after all.
            }
        }

        return (opened, tasks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Opened} reporting cycles with {Tasks} tasks for {Today}; {Skipped} obligations skipped")]
    private partial void LogOpened(int opened, int tasks, string today, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Obligation {Reference} skipped while opening cycles: {Reason}")]
    private partial void LogSkipped(string reference, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another run opened cycles concurrently ({Detail}); opening the rest one by one")]
    private partial void LogRace(string detail);
}
