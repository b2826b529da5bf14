using Governance.Workflows.Scheduling;
using Hangfire;
using Hangfire.Storage;
using Mediator;

namespace Governance.Web.Features.Administration;

/// <summary>The recurring jobs with their schedule, last and next run, and the results of the last runs.</summary>
public sealed record ListBackgroundJobsQuery : IQuery<IReadOnlyList<BackgroundJobLine>>;

public sealed record BackgroundJobLine(string Id, string Cron, DateTime? LastRunUtc, string? LastState, DateTime? NextRunUtc, IReadOnlyList<JobRunLine> LastRuns);

public sealed record JobRunLine(string JobId, DateTime? FinishedUtc, string? Result, long? DurationMs);

public sealed class ListBackgroundJobsHandler(JobStorage storage) : IQueryHandler<ListBackgroundJobsQuery, IReadOnlyList<BackgroundJobLine>>
{
    public ValueTask<IReadOnlyList<BackgroundJobLine>> Handle(ListBackgroundJobsQuery query, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().Where(j => RecurringJobs.All.Contains(j.Id)).ToList();
        var succeeded = storage.GetMonitoringApi().SucceededJobs(0, 50);
        IReadOnlyList<BackgroundJobLine> lines = [.. recurring.Select(job => new BackgroundJobLine(
            job.Id,
            job.Cron,
            job.LastExecution,
            job.LastJobState,
            job.NextExecution,
            [.. succeeded
                .Where(s => s.Value.Job?.Type == job.Job?.Type)
                .Take(5)
                .Select(s => new JobRunLine(s.Key, s.Value.SucceededAt, s.Value.Result?.ToString(), s.Value.TotalDuration))]))];
        return ValueTask.FromResult(lines);
    }
}
