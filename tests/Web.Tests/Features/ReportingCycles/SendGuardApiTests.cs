using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.ReportingCycles;

/// <summary>
/// No sending before every required approval: a cycle is sent only by recording its finalised letter's sending,
/// and a letter is finalised by the last approval. The generic step API refuses the letter's steps.
/// </summary>
public class SendGuardApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_approved_cycle_without_a_finalised_letter_is_not_sent()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var page = await griffie.GetFromJsonAsync<JsonElement>("/api/cycles?status=Open&pageSize=100", Json);
        var id = new ReportingCycleId(page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("reference").GetString() == "M-2019-026").GetProperty("id").GetGuid());

        // Brought to Approved the way a letter would (every value explained, approvals given), straight in the database.
        await using (var db = app.Database())
        {
            var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync(c => c.Id == id);
            foreach (var task in cycle.Tasks)
            {
                var definition = await db.IndicatorDefinitions.SingleAsync(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion);
                Assert.True(task.Record(definition, IndicatorValue.NotAvailable("Nog niet bekend."), null, null, "Test", DateTime.UtcNow).Succeeded);
                Assert.True(new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.MarkNotAvailable).Succeeded);
            }

            var flow = new ReportingCycleWorkflow(cycle, DateTime.UtcNow, "Test", allApprovalsIn: () => true);
            foreach (var step in new[] { ReportingCycleWorkflow.Trigger.StartCollecting, ReportingCycleWorkflow.Trigger.Complete, ReportingCycleWorkflow.Trigger.StartDrafting,
                         ReportingCycleWorkflow.Trigger.SubmitForApproval, ReportingCycleWorkflow.Trigger.Approve })
            {
                Assert.True(flow.Fire(step).Succeeded, step.ToString());
            }

            await db.SaveChangesAsync();
        }

        var read = await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{id.Value}", Json);
        Assert.Equal("Approved", read.GetProperty("status").GetString());
        using var send = await griffie.PostAsJsonAsync($"/api/cycles/{id.Value}/steps", new { step = "Send", version = read.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, send.StatusCode);
        var problem = await send.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("letter_step", problem.GetProperty("code").GetString());
        Assert.Contains("via de brief", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await griffie.GetAsync($"/api/cycles/{id.Value}/letter")).StatusCode);
        Assert.Equal("Approved", (await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{id.Value}", Json)).GetProperty("status").GetString());
    }
}
