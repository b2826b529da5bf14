using System.Globalization;
using System.Text.Json;
using Governance.Web.Components.Shared;
using Governance.Web.Resources;
using Governance.Workflows.Scheduling;
using Microsoft.Extensions.Localization;

namespace Governance.Web.Features.Administration;

/// <summary>A recurring job's schedule and a run's result in words ("elke werkdag om 07:15", "4 rapportages geopend, 7 taken"), not cron or JSON.</summary>
public static class JobTexts
{
    /// <summary>The schedules the jobs use in words; any other cron expression is shown as it is.</summary>
    public static string Schedule(string cron, IStringLocalizer<SharedResource> l)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["*", "*", "*", "*", "*"])
        {
            return l["Schedule.EveryMinute"];
        }

        if (parts is [var minute, var hour, "*", "*", var days] && int.TryParse(minute, CultureInfo.InvariantCulture, out var m) && int.TryParse(hour, CultureInfo.InvariantCulture, out var h))
        {
            var at = $"{h:00}:{m:00}";
            return days switch
            {
                "*" => l["Schedule.EveryDay", at],
                "1-5" => l["Schedule.EveryWorkingDay", at],
                _ => cron,
            };
        }

        return cron;
    }

    /// <summary>What a run did, from the result Hangfire kept (a number, or a report with counts).</summary>
    public static string Result(string jobId, string? json, IStringLocalizer<SharedResource> l)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return l["Jobs.Done"];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string Count(string key, int n) => l.Plural(key, n);
            int Number(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
            return jobId switch
            {
                RecurringJobs.OpenReportingCycles when root.ValueKind == JsonValueKind.Object =>
                    $"{Count("Jobs.Opened", Number("Opened"))}, {Count("Jobs.Tasks", Number("Tasks"))}"
                    + (root.TryGetProperty("Skipped", out var skipped) && Length(skipped) is > 0 and var n ? $", {Count("Jobs.Skipped", n)}" : ""),
                RecurringJobs.SweepDeadlines when root.ValueKind == JsonValueKind.Object =>
                    $"{Count("Jobs.Timers", Number("TimersFired"))}, {Count("Jobs.Notifications", Number("Notifications"))}",
                RecurringJobs.SendNotifications when root.ValueKind == JsonValueKind.Number => Count("Jobs.Mailed", root.GetInt32()),
                RecurringJobs.SendDailyDigest when root.ValueKind == JsonValueKind.Number => Count("Jobs.Digests", root.GetInt32()),
                RecurringJobs.RemoveEndedSessions when root.ValueKind == JsonValueKind.Number => Count("Jobs.Sessions", root.GetInt32()),
                RecurringJobs.RemindRegionalLetters when root.ValueKind == JsonValueKind.Number => Count("Jobs.RegionalLetters", root.GetInt32()),
                _ => l["Jobs.Done"],
            };
        }
        catch (JsonException)
        {
            return l["Jobs.Done"];
        }
    }

    // A list as Hangfire keeps it: a plain array, or with its type named ({"$type": …, "$values": [...]}).
    private static int Length(JsonElement list) => list.ValueKind switch
    {
        JsonValueKind.Array => list.GetArrayLength(),
        JsonValueKind.Object when list.TryGetProperty("$values", out var values) && values.ValueKind == JsonValueKind.Array => values.GetArrayLength(),
        _ => 0,
    };

    /// <summary>Hangfire's state of the last run in Dutch.</summary>
    public static string State(string state, IStringLocalizer<SharedResource> l) => l[$"Jobs.State.{state}"] is { ResourceNotFound: false } text ? text : state;
}
