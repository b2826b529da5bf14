using System.Globalization;
using Governance.Web.Features.Administration;
using Governance.Web.Resources;
using Governance.Web.Tests.Support;
using Governance.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Governance.Web.Tests.Features.Administration;

/// <summary>The workflows page in words: schedules as "elke werkdag om 07:15", job results as counts, not cron or JSON.</summary>
public sealed class JobTextsTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public void Schedules_and_results_read_as_dutch_sentences_with_singular_and_plural()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.Equal("elke werkdag om 07:15", JobTexts.Schedule("15 7 * * 1-5", l));
        Assert.Equal("elke dag om 06:00", JobTexts.Schedule("0 6 * * *", l));
        Assert.Equal("elke minuut", JobTexts.Schedule("* * * * *", l));
        Assert.Equal("0 6 1 * *", JobTexts.Schedule("0 6 1 * *", l));

        Assert.Equal("4 rapportages geopend, 7 taken",
            JobTexts.Result(RecurringJobs.OpenReportingCycles, """{"$type":"Governance.Workflows.ReportingCycles.OpeningReport, Governance.Workflows","Opened":4,"Tasks":7,"Skipped":[]}""", l));
        // As Hangfire keeps it: the list with its type named.
        Assert.Equal("7 rapportages geopend, 55 taken, 1 overgeslagen (P&C-kalender)",
            JobTexts.Result(RecurringJobs.OpenReportingCycles, """{"$type":"Governance.Workflows.ReportingCycles.OpeningReport, Governance.Workflows","Opened":7,"Tasks":55,"Skipped":{"$type":"System.Collections.Generic.List`1[[System.String]], mscorlib","$values":["M-1"]}}""", l));
        Assert.Equal("7 rapportages geopend, 55 taken",
            JobTexts.Result(RecurringJobs.OpenReportingCycles, """{"Opened":7,"Tasks":55,"Skipped":{"$type":"System.Collections.Generic.List`1[[System.String]], mscorlib","$values":[]}}""", l));
        Assert.Equal("1 herinnering of escalatie, 2 meldingen", JobTexts.Result(RecurringJobs.SweepDeadlines, """{"TimersFired":1,"Notifications":2}""", l));
        Assert.Equal("1 e-mail verzonden", JobTexts.Result(RecurringJobs.SendNotifications, "1", l));
        Assert.Equal("uitgevoerd", JobTexts.Result(RecurringJobs.SendNotifications, "niet te lezen", l));
        Assert.Equal("geslaagd", JobTexts.State("Succeeded", l));
    }
}
