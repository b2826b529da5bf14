using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Letters;

internal static class LetterCycles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Hands in every value of the open cycle of an obligation (straight in the database, as the entry form would) and completes it.</summary>
    public static async Task<Guid> CompleteAsync(OpenedCyclesApp app, HttpClient client, string reference)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/cycles?pageSize=100", Json);
        var id = new ReportingCycleId(page.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("reference").GetString() == reference && i.GetProperty("status").GetString() is "Open" or "Collecting").GetProperty("id").GetGuid());
        await using var db = app.Database();
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).SingleAsync(c => c.Id == id);
        foreach (var task in cycle.Tasks)
        {
            var definition = await db.IndicatorDefinitions.SingleAsync(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion);
            var value = definition.Kind switch
            {
                IndicatorKind.Narrative => IndicatorValue.OfText("De wachttijden zijn gelijk gebleven."),
                IndicatorKind.Breakdown => IndicatorValue.OfBreakdown(definition.Categories.Select(c => new CategoryValue(c, 100))),
                IndicatorKind.Percentage => IndicatorValue.OfNumber(17.8m),
                _ when definition.Name.Contains("inwoners", StringComparison.OrdinalIgnoreCase) && definition.Kind == IndicatorKind.Count => IndicatorValue.OfNumber(21568),
                _ => IndicatorValue.OfNumber(2968),
            };
            Assert.True(task.Record(definition, value, "Toelichting", "Monitor sociaal domein", "Sanne Peeters", DateTime.UtcNow).Succeeded, definition.Name);
            Assert.True(new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Submit).Succeeded);
        }

        var flow = new ReportingCycleWorkflow(cycle, DateTime.UtcNow, "Sanne Peeters");
        if (cycle.Status == ReportingCycleStatus.Open)
        {
            flow.Fire(ReportingCycleWorkflow.Trigger.StartCollecting);
        }

        Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.Complete).Succeeded);
        Assert.Equal(ReportingCycleStatus.Complete, cycle.Status);
        await db.SaveChangesAsync();
        return id.Value;
    }
}
