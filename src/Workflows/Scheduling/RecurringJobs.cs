using Governance.Domain.Planning;
using Governance.Workflows.Accounts;
using Governance.Workflows.Notifications;
using Governance.Workflows.ReportingCycles;
using Governance.Workflows.Regions;
using Hangfire;

namespace Governance.Workflows.Scheduling;

/// <summary>The one list of recurring jobs, with stable ids, in Dutch time.</summary>
public static class RecurringJobs
{
    public const string OpenReportingCycles = "reporting-cycles.open";
    public const string SweepDeadlines = "deadlines.sweep";
    public const string SendNotifications = "notifications.send";
    public const string SendDailyDigest = "notifications.digest";
    public const string RemoveEndedSessions = "sessions.clean";
    public const string RemindRegionalLetters = "regional-letters.remind";

    public static IReadOnlyList<string> All { get; } = [OpenReportingCycles, SweepDeadlines, SendNotifications, SendDailyDigest, RemoveEndedSessions, RemindRegionalLetters];

    public static void Register(IRecurringJobManager jobs)
    {
        var dutchTime = new RecurringJobOptions { TimeZone = MunicipalTime.Zone };
        jobs.AddOrUpdate<OpenReportingCyclesJob>(OpenReportingCycles, job => job.ExecuteAsync(CancellationToken.None), "0 6 * * *", dutchTime);
        jobs.AddOrUpdate<SweepDeadlinesJob>(SweepDeadlines, job => job.ExecuteAsync(CancellationToken.None), "15 7 * * 1-5", dutchTime);
        jobs.AddOrUpdate<SendNotificationsJob>(SendNotifications, job => job.ExecuteAsync(CancellationToken.None), "* * * * *", dutchTime);
        jobs.AddOrUpdate<SendDailyDigestJob>(SendDailyDigest, job => job.ExecuteAsync(CancellationToken.None), "30 7 * * *", dutchTime);
        jobs.AddOrUpdate<RemindRegionalLettersJob>(RemindRegionalLetters, job => job.ExecuteAsync(CancellationToken.None), "20 7 * * 1-5", dutchTime);
        jobs.AddOrUpdate<RemoveEndedSessionsJob>(RemoveEndedSessions, job => job.ExecuteAsync(CancellationToken.None), "0 3 * * *", dutchTime);
    }
}
