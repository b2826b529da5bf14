using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.ReportingCycles;

public class RecordIndicatorValueApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Staff_submit_a_value_of_their_team_and_the_cycle_starts_collecting()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(client, "T-2024-031", "SD-INWONERS");
        using var response = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values",
            new { number = 21568, source = "Monitor sociaal domein", explanation = "Peildatum 30 juni", version }, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("Submitted", receipt.GetProperty("taskStatus").GetString());
        Assert.Equal("Collecting", receipt.GetProperty("cycleStatus").GetString());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycle}", Json);
        var line = read.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("indicatorCode").GetString() == "SD-INWONERS");
        Assert.Equal(21568m, line.GetProperty("currentValue").GetProperty("number").GetDecimal());
    }

    [Fact]
    public async Task A_value_that_does_not_fit_its_unit_is_a_400_and_nothing_is_stored()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(client, "T-2024-031", "SD-INWONERS-PCT");
        var before = await Values();
        using var response = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 117.8m, version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100", (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("value")[0].GetString());
        Assert.Equal(before, await Values());
    }

    [Fact]
    public async Task A_control_character_in_an_explanation_or_source_is_a_400_naming_it_and_nothing_is_stored()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(client, "T-2024-031", "SD-INWONERS-PCT");
        var before = await Values();

        using var response = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values",
            new { number = 17.8m, explanation = "Peildatum\u0000 30 juni", source = "Monitor\u001b", version }, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.Contains("stuurteken", errors.GetProperty("explanation")[0].GetString());
        Assert.Contains("stuurteken", errors.GetProperty("source")[0].GetString());
        Assert.Equal(before, await Values());
    }

    [Fact]
    public async Task Two_kinds_of_value_at_once_or_a_missing_reason_are_400()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(client, "T-2024-031", "SD-HUISHOUDENS");
        using var both = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 1, text = "veel", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        using var noReason = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { notAvailableReason = "", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
    }

    [Fact]
    public async Task Staff_do_not_supply_another_teams_values_and_the_griffie_supplies_none()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(staff, "M-2021-047", "ARM-KINDEREN");
        using var otherTeam = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 8.1m, version }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, otherTeam.StatusCode);

        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var refused = await griffie.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 8.1m, version }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_value_on_a_cycle_read_before_it_changed_is_a_409()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(client, "T-2024-031", "JH-JONGEREN");
        using var stale = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 2968, version = version - 1 }, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    private async Task<int> Values()
    {
        await using var db = app.Database();
        return await db.RecordedValues.CountAsync();
    }
}
