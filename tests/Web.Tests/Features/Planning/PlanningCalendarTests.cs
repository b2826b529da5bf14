using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Web.Tests.Support.AccountFlows;

namespace Governance.Web.Tests.Features.Planning;

/// <summary>The P&amp;C calendar kept over the API: a changed date moves the running reports that depend on it, and says so.</summary>
public sealed class PlanningCalendarTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly ReportingCycleStatus[] Collecting = [ReportingCycleStatus.Open, ReportingCycleStatus.Collecting];

    private async Task<JsonObject> YearAsync(HttpClient client, int year)
    {
        var years = await client.GetFromJsonAsync<JsonArray>("/api/admin/planning", Json);
        return years!.Select(y => y!.AsObject()).Single(y => y["year"]!.GetValue<int>() == year);
    }

    private async Task<ReportingCycle> RunningQuarterlyCycleAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenReportingCyclesCommand(MunicipalTime.Today(TimeProvider.System)));
        }

        await using var db = app.Database();
        var quarterly = db.Obligations.Where(o => o.Cadence == Cadence.Quarterly).Select(o => o.Id);
        return await db.ReportingCycles.Include(c => c.Tasks)
            .Where(c => !c.IsImported && Collecting.Contains(c.Status) && quarterly.Contains(c.ObligationId))
            .OrderBy(c => c.Period).FirstAsync();
    }

    [Fact]
    public async Task Dropping_the_council_meeting_a_report_was_going_to_moves_it_to_the_next_with_a_journal_line_and_a_message_to_the_griffie()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var cycle = await RunningQuarterlyCycleAsync();
        var meeting = cycle.Deadlines.SendToCouncil;
        var year = await YearAsync(griffie, meeting.Year);
        year["councilMeetings"] = new JsonArray([.. year["councilMeetings"]!.AsArray().Where(d => d!.GetValue<string>() != meeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Select(d => JsonValue.Create(d!.GetValue<string>()))]);

        using var response = await griffie.PutAsJsonAsync($"/api/admin/planning/{meeting.Year}", year, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(saved.GetProperty("cyclesMoved").GetInt32() >= 1);
        await using var db = app.Database();
        var after = await db.ReportingCycles.SingleAsync(c => c.Id == cycle.Id);
        Assert.True(after.Deadlines.SendToCouncil > meeting, "the report goes to the next council meeting");
        Assert.Equal(cycle.Deadlines.ValuesDue, after.Deadlines.ValuesDue);
        var line = after.Journal[^1];
        Assert.Equal(ReportingCycle.DeadlinesMovedTrigger, line.Trigger);
        Assert.Equal($"De P&C-kalender {meeting.Year} is gewijzigd. Naar de raad {after.Deadlines.SendToCouncil.ToString("d MMMM yyyy", Dutch)} (was {meeting.ToString("d MMMM yyyy", Dutch)}).", line.Reason);
        var griffieId = await db.Users.Where(u => u.Email == Emails.For(Roles.Griffie)).Select(u => u.Id).SingleAsync();
        var message = await db.Notifications.SingleAsync(n => n.RecipientUserId == griffieId && n.EventKey == $"cycle:{cycle.Id}:journal:{line.Sequence}");
        Assert.StartsWith("Termijn verplaatst: ", message.Subject);
        var audit = await db.AuditLog.Where(a => a.Action == AuditAction.PlanningChanged).OrderBy(a => a.Id).LastAsync();
        Assert.Equal($"P&C-kalender {meeting.Year}", audit.Subject);
        Assert.StartsWith("Raadsvergaderingen: ", audit.Details);
    }

    [Fact]
    public async Task An_extra_closed_day_on_the_values_deadline_moves_it_and_the_open_tasks_and_tells_the_staff_who_owe_a_value()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var cycle = await RunningQuarterlyCycleAsync();
        var due = cycle.Deadlines.ValuesDue;
        var year = await YearAsync(admin, due.Year);
        year["closedDays"] = new JsonArray([.. year["closedDays"]!.AsArray().Select(d => JsonValue.Create(d!.GetValue<string>())), JsonValue.Create(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);

        using var response = await admin.PutAsJsonAsync($"/api/admin/planning/{due.Year}", year, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Database();
        var after = await db.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.Id == cycle.Id);
        Assert.True(after.Deadlines.ValuesDue > due);
        Assert.All(after.Tasks.Where(t => !t.Status.IsDone()), t => Assert.Equal(after.Deadlines.ValuesDue, t.DueDate));
        var key = $"cycle:{cycle.Id}:journal:{after.Journal[^1].Sequence}";
        var told = await db.Notifications.Where(n => n.EventKey == key).Select(n => n.RecipientUserId).ToListAsync();
        var staff = await db.Users.Where(u => u.Email == Emails.For(Roles.Medewerker)).Select(u => u.Id).SingleAsync();
        Assert.Contains(staff, told);

        // The later steps count on from the values deadline and move with it: the aldermen who approve hear of their new date.
        Assert.True(after.Deadlines.ApprovalsDue > cycle.Deadlines.ApprovalsDue);
        var aldermen = (await db.Obligations.SingleAsync(o => o.Id == cycle.ObligationId)).ResponsibleAldermen.Select(a => (Domain.Organisation.AldermanId?)a).ToList();
        var approvers = await db.Users.Where(u => aldermen.Contains(u.AldermanId)).Select(u => u.Id).ToListAsync();
        Assert.NotEmpty(approvers);
        foreach (var alderman in approvers)
        {
            var message = await db.Notifications.SingleAsync(n => n.EventKey == key && n.RecipientUserId == alderman);
            Assert.Contains($"goedkeuring uiterlijk {after.Deadlines.ApprovalsDue.ToString("d MMMM yyyy", Dutch)}", message.Body);
            Assert.DoesNotContain("cijfers uiterlijk", message.Body);
        }
    }

    [Fact]
    public async Task A_wrong_date_is_refused_with_the_field_named_and_nothing_is_stored()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var year = await YearAsync(griffie, 2027);
        var version = year["version"]!.GetValue<int>();
        year["annualAccounts"] = "2027-06-08";
        year["firstManagementReport"] = "2027-02-01";

        using var response = await griffie.PutAsJsonAsync("/api/admin/planning/2027", year, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.Contains("2028", errors.GetProperty("annualAccounts")[0].GetString());
        Assert.Equal(version, (await YearAsync(griffie, 2027))["version"]!.GetValue<int>());

        year["annualAccounts"] = "2028-06-13";
        using var tooEarly = await griffie.PutAsJsonAsync("/api/admin/planning/2027", year, Json);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("te vroeg", (await tooEarly.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("firstManagementReport")[0].GetString());
    }

    [Fact]
    public async Task A_year_is_added_once_observing_the_installations_holidays_and_changed_only_with_the_version_read()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var added = await griffie.PostAsJsonAsync("/api/admin/planning", new { year = 2040, firstManagementReport = "2040-09-11", councilMeetings = new[] { "2040-01-17" } }, Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var year = (await added.Content.ReadFromJsonAsync<JsonObject>(Json))!["year"]!.AsObject();
        Assert.Contains("KingsDay", year["holidays"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.DoesNotContain("GoodFriday", year["holidays"]!.AsArray().Select(h => h!.GetValue<string>()));

        using var again = await griffie.PostAsJsonAsync("/api/admin/planning", new { year = 2040 }, Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        year["springMemorandum"] = "2040-07-03";
        using var changed = await griffie.PutAsJsonAsync("/api/admin/planning/2040", year, Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var stale = await griffie.PutAsJsonAsync("/api/admin/planning/2040", year, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        year.Remove("version");
        using var versionless = await griffie.PutAsJsonAsync("/api/admin/planning/2040", year, Json);
        Assert.Equal(HttpStatusCode.BadRequest, versionless.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Griffie, HttpStatusCode.OK)]
    [InlineData(Roles.Beheerder, HttpStatusCode.OK)]
    [InlineData(Roles.Medewerker, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Raadslid, HttpStatusCode.Forbidden)]
    public async Task The_calendar_is_kept_by_the_griffie_and_the_administrator(string role, HttpStatusCode expected)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        Assert.Equal(expected, (await client.GetAsync("/api/admin/planning")).StatusCode);
    }

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
}
