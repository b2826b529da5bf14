using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence.Postgres;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.ReportingCycles;

/// <summary>
/// The data warehouse submits a cycle's values with an API key: all or nothing, safe to retry with an idempotency key.
/// On SQLite and on PostgreSQL, where the writer's batches have statements and a connection of their own.
/// </summary>
public abstract class SubmitCycleValuesApiTests(OpenedCyclesApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected OpenedCyclesApp App => app;

    protected async Task<HttpClient> MachineAsync()
    {
        string secret;
        await using (var db = app.Database())
        {
            var user = await db.Users.SingleAsync(u => u.Email == Emails.For(Roles.Medewerker));
            var (key, s) = ApiKey.Create(user.Id, "Datawarehouse", DateTime.UtcNow);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            secret = s;
        }

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    protected static HttpRequestMessage Batch(Guid cycle, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{cycle}/values") { Content = JsonContent.Create(body, options: Json) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    protected async Task<int> ValuesAsync(Guid cycle)
    {
        await using var db = app.Database();
        return await db.RecordedValues.CountAsync(v => db.IndicatorTasks.Any(t => t.CycleId == new ReportingCycleId(cycle) && EF.Property<IndicatorTaskId>(v, "TaskId") == t.Id));
    }

    [Fact]
    public async Task A_batch_is_stored_once_even_when_sent_twice_with_the_same_key()
    {
        using var machine = await MachineAsync();
        var (cycle, _, _) = await CycleApi.OpenTask(machine, "T-2024-031", "SD-INWONERS");
        var body = new
        {
            values = new object[]
            {
                new { indicatorCode = "SD-INWONERS", number = 21_568, source = "DWH" },
                new { indicatorCode = "sd-huishoudens", number = 14_012, source = "DWH" },
                new { indicatorCode = "SD-INWONERS-PCT", notAvailableReason = "Bevolkingscijfer nog niet vastgesteld." },
            },
        };
        using var first = await machine.SendAsync(Batch(cycle, body, "dwh-2026-h1-001"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var receipt = await first.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal((3, false), (receipt.GetProperty("recorded").GetInt32(), receipt.GetProperty("replayed").GetBoolean()));
        var stored = await ValuesAsync(cycle);

        using var again = await machine.SendAsync(Batch(cycle, body, "dwh-2026-h1-001"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var replay = await again.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.Equal(receipt.GetProperty("cycleVersion").GetInt32(), replay.GetProperty("cycleVersion").GetInt32());
        Assert.Equal(stored, await ValuesAsync(cycle));

        using var reused = await machine.SendAsync(Batch(cycle, new { values = new object[] { new { indicatorCode = "SD-INWONERS", number = 1 } } }, "dwh-2026-h1-001"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(stored, await ValuesAsync(cycle));
    }

    [Fact]
    public async Task One_bad_line_stores_nothing_and_every_bad_line_is_named()
    {
        using var machine = await MachineAsync();
        var (cycle, _, _) = await CycleApi.OpenTask(machine, "T-2024-031", "WMO-CLIENTEN");
        var before = await ValuesAsync(cycle);
        using var response = await machine.SendAsync(Batch(cycle, new
        {
            values = new object[]
            {
                new { indicatorCode = "WMO-CLIENTEN", number = 6_120 },
                new { indicatorCode = "SD-INWONERS-PCT", number = 117.8m },
                new { indicatorCode = "BESTAAT-NIET", number = 1 },
                new { indicatorCode = "WMO-CLIENTEN", number = 6_121 },
            },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.Contains("100", errors.GetProperty("values[1].value")[0].GetString());
        Assert.Contains("BESTAAT-NIET", errors.GetProperty("values[2].indicatorCode")[0].GetString());
        Assert.Contains("meer dan eens", errors.GetProperty("values[3].indicatorCode")[0].GetString());
        Assert.Equal(before, await ValuesAsync(cycle));
    }

    [Fact]
    public async Task Another_teams_indicator_is_refused_and_roles_without_values_get_403()
    {
        using var machine = await MachineAsync();
        var (cycle, _, _) = await CycleApi.OpenTask(machine, "M-2021-047", "ARM-KINDEREN");
        using var otherTeam = await machine.SendAsync(Batch(cycle, new { values = new object[] { new { indicatorCode = "ARM-KINDEREN", number = 8.1m } } }));
        Assert.Equal(HttpStatusCode.BadRequest, otherTeam.StatusCode);
        Assert.Contains("ander team", (await otherTeam.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("values[0].indicatorCode")[0].GetString());

        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var refused = await griffie.SendAsync(Batch(cycle, new { values = new object[] { new { indicatorCode = "ARM-KINDEREN", number = 8.1m } } }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var empty = await machine.SendAsync(Batch(cycle, new { values = Array.Empty<object>() }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Submissions_arriving_together_are_stored_together_and_each_is_answered_as_if_alone()
    {
        using var machine = await MachineAsync();
        var (cycle, _, task) = await CycleApi.OpenTask(machine, "T-2024-031", "SD-HUISHOUDENS");
        var before = await ValuesAsync(cycle);

        // Sent at once, so the one writer takes several in a batch: good ones, bad ones and a retry with the same key.
        var good = Enumerable.Range(0, 12).Select(i => Batch(cycle, new { values = new object[] { new { indicatorCode = "SD-HUISHOUDENS", number = 14_012 + i, source = "DWH" } } }));
        var bad = Enumerable.Range(0, 3).Select(_ => Batch(cycle, new { values = new object[] { new { indicatorCode = "SD-HUISHOUDENS", number = -1 } } }));
        var retried = new { values = new object[] { new { indicatorCode = "SD-HUISHOUDENS", number = 14_100, source = "DWH" } } };
        var same = Enumerable.Range(0, 2).Select(_ => Batch(cycle, retried, "dwh-together-001"));
        var requests = good.Concat(bad).Concat(same).ToList();
        var responses = await Task.WhenAll(requests.Select(r => machine.SendAsync(r)));

        Assert.All(responses[..12], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses[12..15], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var replays = await Task.WhenAll(responses[15..].Select(async r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("replayed").GetBoolean();
        }));
        Assert.Equal([false, true], replays.Order());
        Assert.Equal(before + 13, await ValuesAsync(cycle));

        // Every value kept, numbered one after the other on its task.
        await using var db = app.Database();
        var sequences = await db.RecordedValues.Where(v => EF.Property<IndicatorTaskId>(v, "TaskId") == new IndicatorTaskId(task)).Select(v => v.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        var stored = await db.IndicatorTasks.SingleAsync(t => t.Id == new IndicatorTaskId(task));
        Assert.Equal(IndicatorTaskStatus.Submitted, stored.Status);
        requests.ForEach(r => r.Dispose());
        Array.ForEach(responses, r => r.Dispose());
    }

    [Fact]
    public async Task Two_submissions_that_read_the_same_version_do_not_both_land()
    {
        using var machine = await MachineAsync();
        var (cycle, version, _) = await CycleApi.OpenTask(machine, "T-2024-031", "SD-HUISHOUDENS");
        var before = await ValuesAsync(cycle);
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            machine.SendAsync(Batch(cycle, new { version, values = new object[] { new { indicatorCode = "SD-HUISHOUDENS", number = 14_050 + i } } }))));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(before + 1, await ValuesAsync(cycle));
        Array.ForEach(responses, r => r.Dispose());
    }
}

public sealed class SubmitCycleValuesSqliteApiTests(OpenedCyclesApp app) : SubmitCycleValuesApiTests(app), IClassFixture<OpenedCyclesApp>;

public sealed class SubmitCycleValuesPostgresApiTests(OpenedCyclesPostgresApp app) : SubmitCycleValuesApiTests(app), IClassFixture<OpenedCyclesPostgresApp>
{
    [Fact]
    public async Task The_writer_keeps_one_connection_and_opens_a_new_one_when_the_server_closed_it()
    {
        using var machine = await MachineAsync();
        var (cycle, _, _) = await CycleApi.OpenTask(machine, "T-2024-031", "WMO-CLIENTEN");
        var before = await ValuesAsync(cycle);
        for (var i = 0; i < 3; i++)
        {
            using var sent = await machine.SendAsync(Batch(cycle, new { values = new object[] { new { indicatorCode = "WMO-CLIENTEN", number = 6_120 + i } } }));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        // Three batches, one connection of the writer's own.
        var first = Assert.Single(await WriterConnectionsAsync());

        // The server ends it (a restart, an administrator): the next submission is read again on a new connection and stored.
        await using (var db = App.Database())
        {
            Assert.True(await db.Database.SqlQuery<bool>($"SELECT pg_terminate_backend({first}) AS \"Value\"").SingleAsync());
        }

        using var after = await machine.SendAsync(Batch(cycle, new { values = new object[] { new { indicatorCode = "WMO-CLIENTEN", number = 6_200 } } }));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(before + 4, await ValuesAsync(cycle));
        Assert.NotEqual(first, Assert.Single(await WriterConnectionsAsync()));
    }

    private async Task<List<int>> WriterConnectionsAsync()
    {
        await using var db = App.Database();
        // A terminated session leaves the list a moment after pg_terminate_backend answers.
        for (var attempt = 0; ; attempt++)
        {
            var pids = await db.Database.SqlQuery<int>(
                $"SELECT pid AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND application_name = {PostgresWriterConnection.ApplicationName}").ToListAsync();
            if (pids.Count <= 1 || attempt == 50)
            {
                return pids;
            }

            await Task.Delay(100);
        }
    }
}
