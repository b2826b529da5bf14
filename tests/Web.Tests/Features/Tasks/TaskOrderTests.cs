using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Tasks;

/// <summary>
/// Mijn taken's order (deadline, obligation reference, indicator code) comes from copies kept on the tasks; a revised
/// reference reaches them, so the list shows and sorts by the new one. On both databases.
/// </summary>
public abstract class TaskOrderTests(OpenedCyclesApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Line(Guid TaskId, string ObligationReference, string IndicatorCode, DateOnly DueDate);

    [Fact]
    public async Task Open_tasks_come_in_deadline_obligation_and_indicator_order_and_follow_a_revised_reference()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var before = await OpenTasksAsync(staff);
        AssertInListOrder(before);
        // A deadline shared by several obligations' tasks; the griffie renames the first of them so that it sorts last, as the edit dialog sends it.
        var day = before.GroupBy(t => t.DueDate).First(g => g.Select(t => t.ObligationReference).Distinct().Count() >= 2).Key;
        var renamed = before.First(t => t.DueDate == day).ObligationReference;
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var found = await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations?search={Uri.EscapeDataString(renamed)}&page=1&pageSize=5", Json);
        var id = found.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("reference").GetString() == renamed).GetProperty("id").GetGuid();
        var read = await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json);
        var revision = new JsonObject
        {
            ["reference"] = "ZZ-" + renamed,
            ["version"] = read.GetProperty("version").GetInt32(),
            ["aldermanIds"] = new JsonArray([.. read.GetProperty("aldermen").EnumerateArray().Select(a => (JsonNode)a.GetProperty("id").GetGuid())]),
            ["indicators"] = new JsonArray([.. read.GetProperty("indicators").EnumerateArray().Select(i => (JsonNode)new JsonObject
            {
                ["indicatorId"] = i.GetProperty("indicatorId").GetGuid(),
                ["label"] = i.GetProperty("label").GetString(),
            })]),
        };
        foreach (var field in new[] { "kind", "title", "text", "adoptedOn", "meetingBody", "meetingDate", "policyArea", "cadence", "dueDate", "endDate", "reportingFrom", "submittingParties" })
        {
            revision[field] = JsonNode.Parse(read.GetProperty(field).GetRawText());
        }

        using (var revised = await griffie.PutAsJsonAsync($"/api/obligations/{id}", revision, Json))
        {
            Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        }

        var after = await OpenTasksAsync(staff);
        AssertInListOrder(after);
        Assert.DoesNotContain(after, t => t.ObligationReference == renamed);
        Assert.Equal(
            before.Where(t => t.ObligationReference == renamed).Select(t => t.TaskId).Order(),
            after.Where(t => t.ObligationReference == "ZZ-" + renamed).Select(t => t.TaskId).Order());
        // Among the tasks due that day, the renamed obligation's now come last.
        var sameDay = after.Where(t => t.DueDate == day).ToList();
        Assert.Equal("ZZ-" + renamed, sameDay[^1].ObligationReference);
        Assert.NotEqual("ZZ-" + renamed, sameDay[0].ObligationReference);
    }

    private static async Task<List<Line>> OpenTasksAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100", Json);
        var lines = page.GetProperty("items").EnumerateArray().Select(i => new Line(
            i.GetProperty("taskId").GetGuid(),
            i.GetProperty("obligationReference").GetString()!,
            i.GetProperty("indicatorCode").GetString()!,
            DateOnly.Parse(i.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(page.GetProperty("totalCount").GetInt32(), lines.Count);
        return lines;
    }

    private static void AssertInListOrder(List<Line> lines) =>
        Assert.Equal(
            lines.OrderBy(t => t.DueDate).ThenBy(t => t.ObligationReference, StringComparer.Ordinal).ThenBy(t => t.IndicatorCode, StringComparer.Ordinal).ThenBy(t => t.TaskId).Select(t => t.TaskId),
            lines.Select(t => t.TaskId));
}

public sealed class TaskOrderSqliteTests(OpenedCyclesApp app) : TaskOrderTests(app), IClassFixture<OpenedCyclesApp>;

public sealed class TaskOrderPostgresTests(OpenedCyclesPostgresApp app) : TaskOrderTests(app), IClassFixture<OpenedCyclesPostgresApp>;
