using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Tasks;

public class TasksApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Staff_list_their_teams_open_tasks_soonest_first_and_handed_in_ones_leave_the_list()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var open = await client.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100", Json);
        var items = open.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(open.GetProperty("totalCount").GetInt32(), items.Count);
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.GetProperty("canEnter").GetBoolean()));
        var due = items.Select(i => DateOnly.Parse(i.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(due.Order(), due);
        Assert.DoesNotContain(items, i => i.GetProperty("indicatorCode").GetString() == "ARM-KINDEREN");

        var (cycle, version, task) = await CycleApi.OpenTask(client, "T-2024-031", "SD-HUISHOUDENS");
        using var submitted = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 14_012, version }, Json);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=100", Json);
        Assert.Equal(items.Count - 1, after.GetProperty("totalCount").GetInt32());
        var all = await client.GetFromJsonAsync<JsonElement>("/api/tasks?scope=All&pageSize=100", Json);
        var done = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("taskId").GetGuid() == task);
        Assert.Equal("Submitted", done.GetProperty("status").GetString());
        Assert.False(done.GetProperty("canEnter").GetBoolean());
    }

    [Fact]
    public async Task A_task_reads_with_its_definition_and_comparisons_and_another_teams_task_is_403()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (_, _, task) = await CycleApi.OpenTask(client, "T-2024-031", "WMO-CLIENTEN");
        var entry = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}", Json);
        Assert.Equal("WMO-CLIENTEN", entry.GetProperty("indicator").GetProperty("code").GetString());
        Assert.Equal("Count", entry.GetProperty("indicator").GetProperty("kind").GetString());
        Assert.NotEmpty(entry.GetProperty("series").EnumerateArray());
        Assert.Equal(25m, entry.GetProperty("rules").GetProperty("explainRelativeChangeAbove").GetDecimal());

        var (_, _, otherTeams) = await CycleApi.OpenTask(client, "M-2021-047", "ARM-KINDEREN");
        using var forbidden = await client.GetAsync($"/api/tasks/{otherTeams}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var missing = await client.GetAsync($"/api/tasks/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Pages_of_the_task_list_follow_one_another_in_the_order_of_the_whole_list()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taskId").GetGuid())];
        var whole = Ids(await client.GetFromJsonAsync<JsonElement>("/api/tasks?scope=All&pageSize=100", Json));
        Assert.True(whole.Count >= 5, $"only {whole.Count} tasks");
        var paged = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            paged.AddRange(Ids(await client.GetFromJsonAsync<JsonElement>($"/api/tasks?scope=All&pageSize=2&page={page}", Json)));
        }

        Assert.Equal(whole.Take(6), paged);
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_400_naming_the_field()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        using var response = await client.GetAsync("/api/tasks?pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("PageSize", out _) || problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Theory]
    [InlineData(Roles.Griffie)]
    [InlineData(Roles.Wethouder)]
    [InlineData(Roles.Raadslid)]
    [InlineData(Roles.Beheerder)]
    public async Task Roles_that_supply_no_values_have_no_task_list(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        using var response = await client.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_401()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
