using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.ReportingCycles;

/// <summary>The demo with its due cycles opened, as the daily job does.</summary>
public class OpenedCyclesApp : GovernanceAppFactory, IAsyncLifetime
{
    public OpenedCyclesApp()
    {
    }

    protected OpenedCyclesApp(DatabaseProvider provider)
        : base(provider)
    {
    }

    public OpeningReport Opening { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        Opening = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenReportingCyclesCommand(MunicipalTime.Today(time)));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The same, on PostgreSQL.</summary>
public sealed class OpenedCyclesPostgresApp() : OpenedCyclesApp(DatabaseProvider.Postgres);

public class ReportingCyclesApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_demo_opens_cycles_for_its_obligations_with_their_tasks()
    {
        Assert.True(app.Opening.Opened >= 5, $"opened {app.Opening.Opened}");
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/cycles?pageSize=100", Json);
        var opened = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("status").GetString() is "Open" or "Cancelled").ToList();
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        var vaalsPage = await vaals.GetFromJsonAsync<JsonElement>("/api/cycles?pageSize=100", Json);
        // Vaals sees its own cycles only: its commitment's open one, and the closed history of its Wmo and Jeugd monitor.
        var vaalsCycles = vaalsPage.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("T-2025-004", Assert.Single(vaalsCycles, c => c.GetProperty("status").GetString() == "Open").GetProperty("reference").GetString());
        Assert.All(vaalsCycles, c => Assert.Contains(c.GetProperty("reference").GetString(), new[] { "T-2025-004", "M-2015-012" }));
        Assert.Equal(app.Opening.Opened, opened.Count + 1);
        var vadp = page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("reference").GetString() == "M-2014-083");
        Assert.Equal(19, vadp.GetProperty("taskCount").GetInt32());
    }

    [Theory]
    [InlineData(Roles.Raadslid, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Medewerker, HttpStatusCode.OK)]
    [InlineData(Roles.Teamleider, HttpStatusCode.OK)]
    [InlineData(Roles.Wethouder, HttpStatusCode.OK)]
    [InlineData(Roles.Beheerder, HttpStatusCode.OK)]
    public async Task Council_members_see_outcomes_not_the_cycles_themselves(string role, HttpStatusCode expected)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        Assert.Equal(expected, (await client.GetAsync("/api/cycles")).StatusCode);
    }

    [Fact]
    public async Task Without_signing_in_the_cycles_answer_401()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cycles")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/cycles/{Guid.NewGuid()}/steps", new { step = "Cancel" }, Json)).StatusCode);
    }

    [Fact]
    public async Task A_period_that_is_no_period_is_named_in_a_400()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var response = await client.GetAsync("/api/cycles?period=Q9-2025");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("period", out _));
    }

    [Fact]
    public async Task A_cycle_reads_with_its_tasks_journal_and_the_steps_the_griffie_may_take()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, _) = await FirstOpen(client, "T-2024-031");
        var cycle = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{id}", Json);
        Assert.Equal("Open", cycle.GetProperty("status").GetString());
        // The factsheets' eleven figures and the national youth-care share set beside one of them.
        Assert.Equal(12, cycle.GetProperty("tasks").GetArrayLength());
        var journal = cycle.GetProperty("journal")[0];
        Assert.Equal(("Scheduled", "Open"), (journal.GetProperty("from").GetString(), journal.GetProperty("to").GetString()));
        Assert.Equal(["Cancel"], cycle.GetProperty("availableSteps").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_griffie_cancels_a_cycle_with_a_reason_and_a_second_try_on_the_old_version_is_409()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, version) = await FirstOpen(client, "M-2019-026");
        using var cancelled = await client.PostAsJsonAsync($"/api/cycles/{id}/steps", new { step = "Cancel", reason = "Motie ingetrokken in de raad.", version }, Json);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var cycle = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{id}", Json);
        Assert.Equal("Cancelled", cycle.GetProperty("status").GetString());
        Assert.Equal("Motie ingetrokken in de raad.", cycle.GetProperty("journal")[0].GetProperty("reason").GetString());

        using var again = await client.PostAsJsonAsync($"/api/cycles/{id}/steps", new { step = "Cancel", reason = "Nog eens", version }, Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_step_without_its_reason_is_a_400_and_changes_nothing()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, version) = await FirstOpen(client, "M-2021-047");
        using var response = await client.PostAsJsonAsync($"/api/cycles/{id}/steps", new { step = "Cancel", version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("Open", (await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{id}", Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_step_the_flow_does_not_allow_now_is_refused_with_the_reason_and_changes_nothing()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, version) = await FirstOpen(client, "M-2014-083");
        using var response = await client.PostAsJsonAsync($"/api/cycles/{id}/steps", new { step = "Close", version }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("cycle_transition_refused", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(Roles.Medewerker, "Cancel")]
    [InlineData(Roles.Teamleider, "Close")]
    [InlineData(Roles.Beheerder, "Cancel")]
    [InlineData(Roles.Griffie, "ReturnValue")]
    public async Task A_role_may_not_take_a_step_that_is_not_its_own(string role, string step)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        var (id, version) = await FirstOpen(client, "M-2014-083");
        using var response = await client.PostAsJsonAsync($"/api/cycles/{id}/steps", new { step, reason = "Een reden", version }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Another_municipality_does_not_find_the_cycle()
    {
        using var maastricht = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var (id, version) = await FirstOpen(maastricht, "M-2014-083");
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        Assert.Equal(HttpStatusCode.NotFound, (await vaals.GetAsync($"/api/cycles/{id}")).StatusCode);
        using var response = await vaals.PostAsJsonAsync($"/api/cycles/{id}/steps", new { step = "Cancel", reason = "Niet van ons", version }, Json);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_municipalitys_cycle_and_obligation_are_not_found_when_composing_or_reading_followers()
    {
        using var vaals = await app.SignedInClientAsync(Emails.VaalsGriffie);
        var vaalsCycle = (await vaals.GetFromJsonAsync<JsonElement>("/api/cycles?pageSize=100", Json)).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("reference").GetString() == "T-2025-004");
        var cycleId = vaalsCycle.GetProperty("id").GetGuid();
        var obligationId = vaalsCycle.GetProperty("obligationId").GetGuid();

        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using var composed = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);
        Assert.Equal(HttpStatusCode.NotFound, composed.StatusCode);
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Assert.Equal(HttpStatusCode.NotFound, (await griffie.GetAsync($"/api/obligations/{obligationId}/following")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await vaals.GetAsync($"/api/obligations/{obligationId}/following")).StatusCode);
    }

    private static async Task<(Guid Id, int Version)> FirstOpen(HttpClient client, string reference)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/cycles?status=Open&pageSize=100", Json);
        var id = page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("reference").GetString() == reference).GetProperty("id").GetGuid();
        var cycle = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{id}", Json);
        return (id, cycle.GetProperty("version").GetInt32());
    }
}
