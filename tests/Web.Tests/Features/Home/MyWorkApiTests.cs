using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Letters;
using Governance.Domain.Obligations;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Features.Letters;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Home;

/// <summary>What waits for each role, as the home page and the menu counts read it.</summary>
public class MyWorkApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Staff_see_their_teams_open_and_late_tasks_and_nothing_of_the_griffies_work()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var work = await staff.GetFromJsonAsync<JsonElement>("/api/me/work", Json);

        await using var db = app.Database();
        var team = await db.Users.Where(u => u.Email == Emails.For(Roles.Medewerker)).Select(u => u.TeamId).SingleAsync();
        var done = ReportingStatusExtensions.DoneStatuses;
        var collecting = new[] { ReportingCycleStatus.Open, ReportingCycleStatus.Collecting };
        var open = await (from t in db.IndicatorTasks
                          join c in db.ReportingCycles on t.CycleId equals c.Id
                          where t.TeamId == team && !done.Contains(t.Status) && collecting.Contains(c.Status) && !c.IsImported
                          select t.DueDate).ToListAsync();
        Assert.NotEmpty(open);
        Assert.Equal(open.Count, work.GetProperty("openTasks").GetInt32());
        var today = Domain.Planning.MunicipalTime.Today(TimeProvider.System);
        Assert.Equal(open.Count(d => d < today), work.GetProperty("lateTasks").GetInt32());
        Assert.Equal(JsonValueKind.Null, work.GetProperty("toJudge").ValueKind);
        Assert.Equal(JsonValueKind.Null, work.GetProperty("waitingForMe").ValueKind);
    }

    [Fact]
    public async Task An_alderman_counts_the_letters_offered_to_them_and_the_griffie_what_to_judge_send_and_chase()
    {
        using var pas = await app.SignedInClientAsync("wethouder.pas@maastricht.demo");
        var before = (await pas.GetFromJsonAsync<JsonElement>("/api/me/work", Json)).GetProperty("waitingForMe").GetInt32();
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var cycleId = await LetterCycles.CompleteAsync(app, staff, "M-2014-083");
        var letterId = (await (await staff.PostAsync($"/api/cycles/{cycleId}/letter", null)).Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var draft = await staff.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", Json);
        (await staff.PostAsJsonAsync($"/api/letters/{letterId}/submit", new { version = draft.GetProperty("version").GetInt32() }, Json)).EnsureSuccessStatusCode();
        Assert.Equal(before + 1, (await pas.GetFromJsonAsync<JsonElement>("/api/me/work", Json)).GetProperty("waitingForMe").GetInt32());

        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var work = await griffie.GetFromJsonAsync<JsonElement>("/api/me/work", Json);
        await using var db = app.Database();
        Assert.Equal(await db.Obligations.CountAsync(o => o.Status == ObligationStatus.Reported), work.GetProperty("toJudge").GetInt32());
        Assert.Equal(await db.CouncilLetters.CountAsync(l => l.Status == CouncilLetterStatus.Finalised), work.GetProperty("toSend").GetInt32());
        Assert.True(work.GetProperty("lateReports").GetInt32() >= 0);
        Assert.Equal(JsonValueKind.Null, work.GetProperty("openTasks").ValueKind);
    }
}
