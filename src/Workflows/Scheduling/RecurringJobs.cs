using Governance.Domain.Planning;
using Governance.Workflows.ReportingCycles;
using Hangfire;

namespace Governance.Workflows.Scheduling;

/// <summary>The one list of recurring jobs, with stable ids, in Dutch time.</summary>
public static class RecurringJobs
{
    public const string OpenReportingCycles = "reporting-cycles.open";

    public static IReadOnlyList<string> All { get; } = [OpenReportingCycles];

    public static void Register(IRecurringJobManager jobs)
    {
        var dutchTime = new RecurringJobOptions { TimeZone = MunicipalTime.Zone };
        jobs.AddOrUpdate<OpenReportingCyclesJob>(OpenReportingCycles, job => job.ExecuteAsync(CancellationToken.None), "0 6 * * *", dutchTime);
    }
}
