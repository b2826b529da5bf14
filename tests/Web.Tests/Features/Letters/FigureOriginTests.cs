using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>Every figure of a letter leads to where it came from: the cycle's value, who entered it and when, its source and definition version.</summary>
public class FigureOriginTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_letters_figures_name_their_indicator_and_the_cycle_shows_each_values_origin()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, staff, "M-2014-083");
        using var composed = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);
        Assert.Equal(HttpStatusCode.OK, composed.StatusCode);
        var letterId = (await composed.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();

        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var cycle = await griffie.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json);
        var tasks = cycle.GetProperty("tasks").EnumerateArray().ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, task =>
        {
            var origin = task.GetProperty("origin");
            Assert.Equal("Sanne Peeters", origin.GetProperty("recordedBy").GetString());
            Assert.Equal("Monitor sociaal domein", origin.GetProperty("source").GetString());
            Assert.Equal("Toelichting", origin.GetProperty("explanation").GetString());
            Assert.Equal(1, origin.GetProperty("definitionVersion").GetInt32());
            Assert.Equal(0, origin.GetProperty("attachments").GetArrayLength());
        });

        var letter = await griffie.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        var codes = letter.GetProperty("figures").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(tasks.Select(t => t.GetProperty("indicatorCode").GetString()).Order(), codes.Order());

        // Council members cannot open the cycle: the letter itself says where each figure came from, in its appendix.
        var items = letter.GetProperty("figures").GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, item => Assert.Equal("Sanne Peeters", item.GetProperty("origin").GetProperty("enteredBy").GetString()));
        var html = await griffie.GetStringAsync($"/api/letters/{letterId}/html");
        var appendix = html[html.IndexOf("Bijlage: herkomst van de cijfers", StringComparison.Ordinal)..];
        Assert.All(codes, code => Assert.Contains($"id=\"herkomst-{code}\"", appendix));
        Assert.Contains("Door Sanne Peeters op ", appendix);
        Assert.Contains("<td>versie 1</td><td>Monitor sociaal domein</td>", appendix);
    }
}
