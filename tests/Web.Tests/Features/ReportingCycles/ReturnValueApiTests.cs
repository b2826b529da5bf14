using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.ReportingCycles;

/// <summary>The team lead sends a handed-in value back with a comment; it is open for entry again.</summary>
public class ReturnValueApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_returned_value_is_open_again_with_the_comment_and_back_in_the_staffs_list()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(staff, "T-2024-031", "PW-INWONERS");
        using var submitted = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 9_245, version }, Json);
        var after = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("cycleVersion").GetInt32();

        using var lead = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        using var returned = await lead.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/return", new { comment = "Peildatum klopt niet: 30 juni graag.", version = after }, Json);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        await using var db = app.Database();
        var stored = await db.IndicatorTasks.SingleAsync(t => t.Id == new IndicatorTaskId(task));
        Assert.Equal((IndicatorTaskStatus.Returned, "Peildatum klopt niet: 30 juni graag."), (stored.Status, stored.ReturnReason));
        var open = await staff.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100", Json);
        Assert.Contains(open.GetProperty("items").EnumerateArray(), i => i.GetProperty("taskId").GetGuid() == task && i.GetProperty("canEnter").GetBoolean());
        var entry = await staff.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}", Json);
        Assert.Equal("Peildatum klopt niet: 30 juni graag.", entry.GetProperty("returnReason").GetString());

        // Whoever entered it hears of it, with the comment and a link to the task.
        var notice = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/me/notifications?pageSize=100", Json)).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("link").GetString() == $"/tasks/{task}");
        Assert.StartsWith("Teruggestuurd: Inwoners met Participatiewet of schuldhulp, ", notice.GetProperty("subject").GetString());
        Assert.Contains("met dit commentaar: Peildatum klopt niet: 30 juni graag.", notice.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Without_a_comment_by_staff_on_an_open_task_or_on_a_stale_version_nothing_changes()
    {
        using var lead = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        var (cycle, version, task) = await CycleApi.OpenTask(lead, "T-2024-031", "JH-JONGEREN");
        using var noComment = await lead.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/return", new { comment = " ", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.True((await noComment.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("comment", out _));

        using var openTask = await lead.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/return", new { comment = "Nog eens kijken", version }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, openTask.StatusCode);
        using var stale = await lead.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/return", new { comment = "Nog eens kijken", version = version + 5 }, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using var byStaff = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/return", new { comment = "Nog eens kijken", version }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);

        await using var db = app.Database();
        Assert.Equal(IndicatorTaskStatus.Open, (await db.IndicatorTasks.SingleAsync(t => t.Id == new IndicatorTaskId(task))).Status);
    }
}
