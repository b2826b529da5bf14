using System.Reflection;
using Governance.Domain.Persistence;
using Governance.Workflows.Scheduling;
using Hangfire.Common;
using Hangfire.Server;

namespace Governance.Web.Hosting;

/// <summary>
/// Takes the database lock of a job marked <see cref="RunsAloneAttribute"/> before it runs and lets go after, on every
/// process that runs jobs: one run at a time across them all, and none held up by a process that died holding it.
/// </summary>
internal sealed class RunsAloneJobFilter(DatabaseSettings database) : IJobFilterProvider, IServerFilter
{
    private const string Held = "governance:runs-alone";

    public IEnumerable<JobFilter> GetFilters(Job job) =>
        job?.Type.GetCustomAttribute<RunsAloneAttribute>() is null ? [] : [new JobFilter(this, JobFilterScope.Type, order: null)];

    public void OnPerforming(PerformingContext context)
    {
        var alone = context.BackgroundJob.Job.Type.GetCustomAttribute<RunsAloneAttribute>()!;
        // The job's worker thread waits for the lock as it would for Hangfire's own.
        context.Items[Held] = DatabaseLock.Acquire(
            database.Provider, database.ConnectionString, "job:" + context.BackgroundJob.Job.Type.Name,
            TimeSpan.FromSeconds(alone.TimeoutInSeconds), context.CancellationToken.ShutdownToken);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.Remove(Held, out var held) && held is HeldLock release)
        {
            release.Dispose();
        }
    }
}
