using System.Globalization;
using System.Security.Claims;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Web.Hosting;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.ReportingCycles;

/// <summary>
/// One rule set for recording a value: the same value sent through the entry form's command, the single-value API, the
/// data-warehouse batch and the file import gets the same answer, in the same words.
/// </summary>
public class ValueRulesAcrossWaysInTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A value for one indicator of the open factsheets report, and the words its refusal must contain.</summary>
    public static TheoryData<string, decimal?, string?, string> Refused => new()
    {
        { "SD-INWONERS-PCT", 117.8m, null, "100" },
        { "SD-INWONERS", null, "veel", "getal" },
        { "SD-INWONERS", -5m, null, "negatief" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_same_value_gets_the_same_refusal_through_the_form_the_api_the_data_warehouse_and_the_import(string code, decimal? number, string? text, string words)
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(staff, "T-2024-031", code);
        var before = await StoredAsync();

        var answers = new Dictionary<string, string?>
        {
            ["form"] = await ThroughTheFormAsync(cycle, task, version, number, text),
            ["api"] = await ThroughTheApiAsync(staff, cycle, task, version, number, text),
            ["data warehouse"] = await ThroughTheBatchAsync(staff, cycle, code, number, text),
            ["import"] = await ThroughTheImportAsync(staff, cycle, code, number, text),
        };

        var form = answers["form"];
        Assert.NotNull(form);
        Assert.Contains(words, form, StringComparison.OrdinalIgnoreCase);
        Assert.All(answers, a => Assert.True(a.Value == form, $"{a.Key}: '{a.Value}' where the form says '{form}'"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Two_forms_of_one_value_are_refused_in_the_same_words_by_the_form_the_api_and_the_data_warehouse()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(staff, "T-2024-031", "SD-INWONERS");
        using var api = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 12m, notAvailableReason = "Onbekend", version }, Json);
        using var batch = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/values",
            new { values = new[] { new { indicatorCode = "SD-INWONERS", number = 12m, notAvailableReason = "Onbekend" } } }, Json);
        await using var scope = app.Services.CreateAsyncScope();
        var form = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordIndicatorValueCommand
        {
            CycleId = cycle, TaskId = task, Number = 12m, NotAvailableReason = "Onbekend", Version = version, RecordedBy = "Sanne Peeters", ActingTeamId = null,
        });

        const string ExactlyOne = "Geef precies één van: een getal, een tekst, waarden per categorie, of 'niet beschikbaar' met de reden.";
        Assert.Equal(ExactlyOne, FirstMessage(Assert.IsType<Invalid>(form.Error)));
        Assert.Equal(ExactlyOne, await FirstErrorAsync(api));
        Assert.Equal(ExactlyOne, await FirstErrorAsync(batch));
    }

    [Fact]
    public async Task A_handed_in_value_is_replaced_while_the_report_collects_and_both_are_kept()
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(staff, "T-2024-031", "JH-JONGEREN");
        using var first = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 3_120m, explanation = "Stand 30 juni", version }, Json);
        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        version = (await first.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("cycleVersion").GetInt32();

        using var draftOver = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 3_121m, intent = "SaveDraft", version }, Json);
        Assert.Equal("Deze waarde is al ingediend; een concept kan er niet overheen.", await FirstErrorAsync(draftOver));
        using var corrected = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 3_041m, explanation = "Gecorrigeerd", version }, Json);
        Assert.Equal(System.Net.HttpStatusCode.OK, corrected.StatusCode);

        await using var db = app.Database();
        var stored = await db.IndicatorTasks.Include(t => t.Values).SingleAsync(t => t.Id == new Domain.ReportingCycles.IndicatorTaskId(task));
        Assert.Equal(Domain.ReportingCycles.IndicatorTaskStatus.Submitted, stored.Status);
        Assert.Equal([3_120m, 3_041m], stored.Values.OrderBy(v => v.Sequence).Select(v => v.Value.Number!.Value));

        // A correction is not a return: the task was never sent back, so nobody is told it was.
        Assert.Null(stored.ReturnReason);
        Assert.False(await db.Notifications.AnyAsync(n => n.Link == $"/tasks/{task}"));
    }

    /// <summary>The entry form's way: its command, sent as the signed-in member of staff whose page it is.</summary>
    private async Task<string?> ThroughTheFormAsync(Guid cycle, Guid task, int version, decimal? number, string? text)
    {
        await using var db = app.Database();
        var staff = await db.Users.SingleAsync(u => u.Email == Emails.For(Roles.Medewerker));
        await using var scope = app.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, staff.Id), new Claim(ClaimTypes.Role, Roles.Medewerker),
                new Claim(GovernanceClaims.Municipality, staff.MunicipalityId.Value.ToString()), new Claim(GovernanceClaims.Team, staff.TeamId!.Value.Value.ToString()),
            ], "Test");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordIndicatorValueCommand
        {
            CycleId = cycle, TaskId = task, Number = number, Text = text, Version = version, RecordedBy = staff.DisplayName, ActingTeamId = staff.TeamId.Value.Value,
        });
        return result.Succeeded ? null : result.Error is Invalid invalid ? FirstMessage(invalid) : result.Error.Message;
    }

    private static async Task<string?> ThroughTheApiAsync(HttpClient staff, Guid cycle, Guid task, int version, decimal? number, string? text)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number, text, version }, Json);
        return response.IsSuccessStatusCode ? null : await FirstErrorAsync(response);
    }

    private static async Task<string?> ThroughTheBatchAsync(HttpClient staff, Guid cycle, string code, decimal? number, string? text)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cycles/{cycle}/values", new { values = new[] { new { indicatorCode = code, number, text } } }, Json);
        return response.IsSuccessStatusCode ? null : await FirstErrorAsync(response);
    }

    private static async Task<string?> ThroughTheImportAsync(HttpClient staff, Guid cycle, string code, decimal? number, string? text)
    {
        var value = number?.ToString(CultureInfo.GetCultureInfo("nl-NL")) ?? text;
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes($"code;indicator;waarde\n{code};;{value}\n"));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await staff.PostAsync($"/api/cycles/{cycle}/import?dryRun=true", body);
        var line = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("lines")[0];
        return line.GetProperty("error").GetString();
    }

    private static string FirstMessage(Invalid invalid) => invalid.Fields.Values.First()[0];

    private static async Task<string?> FirstErrorAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().First().Value[0].GetString()
            : problem.GetProperty("detail").GetString();
    }

    private async Task<int> StoredAsync()
    {
        await using var db = app.Database();
        return await db.RecordedValues.CountAsync();
    }
}
