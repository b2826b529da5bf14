using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.ReportingCycles;

/// <summary>Team leads reassign their team's tasks and set substitutes for absent members.</summary>
public class TeamLeadApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_team_lead_gives_a_task_to_a_team_member()
    {
        using var lead = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        var (cycle, version, task) = await CycleApi.OpenTask(lead, "T-2024-031", "SD-HUISHOUDENS");
        var member = await UserId(Emails.For(Roles.Medewerker));
        using var response = await lead.PutAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/assignee", new { assigneeUserId = member, version }, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Database();
        Assert.Equal(member, (await db.IndicatorTasks.SingleAsync(t => t.Id == new IndicatorTaskId(task))).AssigneeUserId);

        // The member hears that the task is theirs, once.
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var notices = (await staff.GetFromJsonAsync<JsonElement>("/api/me/notifications?pageSize=100", Json)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/tasks/{task}").ToList();
        Assert.StartsWith("Taak voor u: Huishoudens met ondersteuning, ", Assert.Single(notices).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Only_a_member_of_the_team_can_get_the_task_and_only_the_lead_of_that_team_gives_it()
    {
        using var lead = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        var (cycle, version, task) = await CycleApi.OpenTask(lead, "T-2024-031", "WMO-CLIENTEN");
        using var outsider = await lead.PutAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/assignee", new { assigneeUserId = await UserId(Emails.For(Roles.Griffie)), version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);

        var (otherCycle, otherVersion, otherTask) = await CycleApi.OpenTask(lead, "M-2021-047", "ARM-KINDEREN");
        using var otherTeam = await lead.PutAsJsonAsync($"/api/cycles/{otherCycle}/tasks/{otherTask}/assignee", new { assigneeUserId = (string?)null, version = otherVersion }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, otherTeam.StatusCode);

        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using var notLead = await staff.PutAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/assignee", new { assigneeUserId = (string?)null, version }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, notLead.StatusCode);
    }

    [Fact]
    public async Task The_team_lead_sets_a_substitute_for_an_absent_member_and_staff_only_for_themselves()
    {
        var member = await UserId(Emails.For(Roles.Medewerker));
        var lead = await UserId(Emails.For(Roles.Teamleider));
        using var leadClient = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        using var set = await leadClient.PutAsJsonAsync($"/api/team/members/{member}/substitute", new { substituteUserId = lead, awayUntil = "2027-01-15" }, Json);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        await using (var db = app.Database())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == member);
            Assert.Equal((lead, new DateOnly(2027, 1, 15)), (stored.SubstituteUserId, stored.AwayUntil));
        }

        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using var forOther = await staff.PutAsJsonAsync($"/api/team/members/{lead}/substitute", new { substituteUserId = member, awayUntil = "2027-01-15" }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        using var noDate = await staff.PutAsJsonAsync($"/api/team/members/{member}/substitute", new { substituteUserId = lead }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        using var cleared = await staff.PutAsJsonAsync($"/api/team/members/{member}/substitute", new { substituteUserId = (string?)null }, Json);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
    }

    private async Task<string> UserId(string email)
    {
        await using var db = app.Database();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
