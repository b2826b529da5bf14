using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Web.Tests.Support;

/// <summary>Finds an open cycle's task through the API, as a client would.</summary>
public static class CycleApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(Guid Cycle, int Version, Guid Task)> OpenTask(HttpClient client, string reference, string code)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/cycles?pageSize=100", Json);
        var cycleId = page.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("reference").GetString() == reference && i.GetProperty("status").GetString() is "Open" or "Collecting")
            .GetProperty("id").GetGuid();
        var cycle = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json);
        var task = cycle.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("indicatorCode").GetString() == code).GetProperty("id").GetGuid();
        return (cycleId, cycle.GetProperty("version").GetInt32(), task);
    }
}
