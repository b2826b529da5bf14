using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Cluster.Tests.Support;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Obligations;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Governance.Cluster.Tests;

/// <summary>
/// Governance as a larger installation runs it: two app processes on one PostgreSQL database, both running jobs.
/// Each test leaves both processes serving (one that it kills, it replaces), so they hold in any order.
/// </summary>
public sealed class TwoProcessTests(TwoProcesses cluster) : IClassFixture<TwoProcesses>
{
    private const string Beheerder = "beheerder@maastricht.demo";
    private const string Medewerker = "medewerker@maastricht.demo";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Started_together_on_an_empty_database_both_serve_one_migrated_demo()
    {
        Assert.False(cluster.A.HasExited);
        Assert.False(cluster.B.HasExited);
        await using var db = cluster.Database();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
        var codes = await db.Municipalities.Select(m => m.Code).ToListAsync();
        Assert.Contains("GM0935", codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == Beheerder));
        // One key ring for both, in the database.
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task A_sign_in_made_on_one_process_holds_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onA = await cluster.A.SignedInAsync(Medewerker, cookies);
        using (var first = await onA.GetAsync("/api/tasks?page=1&pageSize=5"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // The same cookie, sent to the other process (its own data folder and home folder).
        var toB = new CookieContainer();
        toB.Add(cluster.B.Address, cookies.GetCookies(cluster.A.Address));
        using var onB = cluster.B.Client(toB);
        using var answer = await onB.GetAsync("/api/tasks?page=1&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalCount").GetInt32() >= 0);

        using var anonymous = cluster.B.Client(new CookieContainer());
        using var refused = await anonymous.GetAsync("/api/tasks?page=1&pageSize=5");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_API_key_revoked_on_one_process_is_refused_by_the_other_within_seconds()
    {
        using var admin = await cluster.A.SignedInAsync(Beheerder);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?search=" + Uri.EscapeDataString(Medewerker));
        var userId = users.GetProperty("items")[0].GetProperty("id").GetString();
        using var created = await admin.PostAsJsonAsync($"/api/admin/users/{userId}/api-keys", new { name = "Datawarehouse" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var machine = new HttpClient { BaseAddress = cluster.B.Address };
        machine.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("secret").GetString());

        // B looks the key up and keeps it (for 30 s on its own).
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await machine.GetAsync("/api/tasks?page=1&pageSize=1");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var revoked = await admin.DeleteAsync($"/api/admin/api-keys/{key.GetProperty("id").GetString()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var answer = await machine.GetAsync("/api/tasks?page=1&pageSize=1");
            if (answer.StatusCode == HttpStatusCode.Unauthorized)
            {
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "B still accepts the revoked key after 10 s.");
            await Task.Delay(200);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"B refused the revoked key only after {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task Jobs_started_on_both_processes_at_once_do_their_work_once()
    {
        var planted = await PlantObligationsAsync("C", 200);
        using var onA = await cluster.A.SignedInAsync(Beheerder);
        using var onB = await cluster.B.SignedInAsync(Beheerder);
        foreach (var job in new[] { "reporting-cycles.open", "deadlines.sweep", "notifications.send" })
        {
            var both = await Task.WhenAll(onA.PostAsync($"/api/admin/jobs/{job}/run", null), onB.PostAsync($"/api/admin/jobs/{job}/run", null));
            Assert.All(both, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            await cluster.WaitForJobsAsync(TimeSpan.FromMinutes(3));
        }

        await AssertOpenedOnceAsync(planted);
        await AssertEachNotificationOnceAndMailedOnceAsync();
    }

    [Fact]
    public async Task A_process_killed_during_the_opening_leaves_the_work_to_the_other_within_a_minute()
    {
        var planted = await PlantObligationsAsync("K", 3000);
        using (var onA = await cluster.A.SignedInAsync(Beheerder))
        using (var onB = await cluster.B.SignedInAsync(Beheerder))
        {
            var both = await Task.WhenAll(onA.PostAsync("/api/admin/jobs/reporting-cycles.open/run", null), onB.PostAsync("/api/admin/jobs/reporting-cycles.open/run", null));
            Assert.All(both, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        }

        // One process runs the opening, the other's run waits for it: killed is the one running it, just into its work.
        AppProcess? running = null;
        var clock = Stopwatch.StartNew();
        while (running is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            running = await cluster.HolderOfAsync("job:OpenReportingCyclesJob");
            await Task.Delay(50);
        }

        Assert.NotNull(running);
        await Task.Delay(100);
        running.Kill();
        try
        {
            Assert.True((await OpenedCountsAsync(planted)).Count < planted.Count, "The opening was over before the kill: plant more.");
            var survivor = running == cluster.A ? cluster.B : cluster.A;
            var killedAt = Stopwatch.StartNew();
            while (killedAt.Elapsed < TimeSpan.FromMinutes(1))
            {
                var counts = await OpenedCountsAsync(planted);
                if (counts.Count == planted.Count && counts.Distinct().Count() == 1 && await cluster.HolderOfAsync("job:OpenReportingCyclesJob") is null)
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.True(killedAt.Elapsed < TimeSpan.FromMinutes(1), $"{survivor.Name} had not opened every planted obligation's cycles a minute after {running.Name} was killed.\n{survivor.LogTail()}");
        }
        finally
        {
            await cluster.ReplaceAsync(running);
        }

        await cluster.WaitForJobsAsync(TimeSpan.FromMinutes(3));
        await AssertOpenedOnceAsync(planted);
    }

    private async Task<List<int>> OpenedCountsAsync(IReadOnlyCollection<ObligationId> planted)
    {
        await using var db = cluster.Database();
        return await db.ReportingCycles.Where(c => planted.Contains(c.ObligationId)).GroupBy(c => c.ObligationId).Select(g => g.Count()).ToListAsync();
    }

    [Fact]
    public async Task Values_submitted_to_both_processes_at_once_are_stored_or_refused_and_none_lost()
    {
        var planted = await PlantObligationsAsync("V", 20);
        using (var admin = await cluster.B.SignedInAsync(Beheerder))
        using (var run = await admin.PostAsync("/api/admin/jobs/reporting-cycles.open/run", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        }

        await cluster.WaitForJobsAsync(TimeSpan.FromMinutes(3));
        var open = await OpenCountTasksAsync(planted);
        using var onA = await cluster.A.SignedInAsync(Medewerker);
        using var onB = await cluster.B.SignedInAsync(Medewerker);
        var answers = await Task.WhenAll(open.Select(async task =>
        {
            using var read = await onA.GetAsync($"/api/cycles/{task.CycleId}");
            Assert.True(read.IsSuccessStatusCode, $"{read.StatusCode}: {await read.Content.ReadAsStringAsync()}\n{cluster.A.LogTail()}");
            var cycle = await read.Content.ReadFromJsonAsync<JsonElement>();
            var version = cycle.GetProperty("version").GetInt32();
            var both = await Task.WhenAll(
                onA.PostAsJsonAsync($"/api/cycles/{task.CycleId}/values", new { values = new[] { new { indicatorCode = task.Code, number = 1m, explanation = "Telling van proces A" } }, version }, Json),
                onB.PostAsJsonAsync($"/api/cycles/{task.CycleId}/values", new { values = new[] { new { indicatorCode = task.Code, number = 2m, explanation = "Telling van proces B" } }, version }, Json));
            var bodies = await Task.WhenAll(both.Select(r => r.Content.ReadAsStringAsync()));
            return (task, Statuses: both.Select(r => r.StatusCode).ToList(), Bodies: string.Join("\n", bodies));
        }));

        await using var db = cluster.Database();
        foreach (var (task, statuses, bodies) in answers)
        {
            Assert.True(statuses.All(s => s is HttpStatusCode.OK or HttpStatusCode.Conflict), $"{string.Join(", ", statuses)}: {bodies}");
            Assert.Contains(HttpStatusCode.OK, statuses);
            var stored = await db.IndicatorTasks.AsNoTracking().Where(t => t.Id == task.TaskId).SelectMany(t => t.Values).CountAsync();
            Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), stored);
        }
    }

    private sealed record OpenTask(Guid CycleId, IndicatorTaskId TaskId, string Code);

    /// <summary>An open task of each of the planted obligations' open cycles, with its indicator's code.</summary>
    private async Task<List<OpenTask>> OpenCountTasksAsync(IReadOnlyCollection<ObligationId> planted)
    {
        await using var db = cluster.Database();
        var tasks = await (from t in db.IndicatorTasks
                           join c in db.ReportingCycles on t.CycleId equals c.Id
                           join i in db.Indicators on t.IndicatorId equals i.Id
                           where planted.Contains(c.ObligationId) && t.Status == IndicatorTaskStatus.Open
                                 && (c.Status == ReportingCycleStatus.Open || c.Status == ReportingCycleStatus.Collecting)
                           select new { t.Id, t.CycleId, i.Code }).ToListAsync();
        var chosen = tasks.GroupBy(t => t.CycleId).Select(g => g.First()).Select(t => new OpenTask(t.CycleId.Value, t.Id, t.Code)).ToList();
        Assert.True(chosen.Count >= planted.Count, $"Only {chosen.Count} open cycles for {planted.Count} planted obligations.");
        return chosen;
    }

    /// <summary>Motions for Maastricht that report each quarter on three counts of one team, as registered and started.</summary>
    private async Task<List<ObligationId>> PlantObligationsAsync(string series, int count)
    {
        await using var db = cluster.Database();
        var municipality = await db.Municipalities.Where(m => m.Code == "GM0935").Select(m => m.Id).SingleAsync();
        var team = await db.Teams.Where(t => t.MunicipalityId == municipality && t.Name == "Onderzoek en Statistiek").Select(t => t.Id).SingleAsync();
        var alderman = await db.Aldermen.Where(a => a.MunicipalityId == municipality).Select(a => a.Id).FirstAsync();
        var indicators = (await db.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => i.MunicipalityId == municipality).ToListAsync())
            .Where(i => i.Current.Kind == IndicatorKind.Count && i.Current.ResponsibleTeamId == team).Take(3).ToList();
        Assert.Equal(3, indicators.Count);
        var now = DateTime.UtcNow;
        var motions = Enumerable.Range(1, count).Select(n => new Motion(municipality, new ObligationDetails
        {
            Reference = $"M-{series}-{n:0000}",
            Title = $"Motie {series} {n}",
            Text = "Verzoekt het college elk kwartaal te rapporteren.",
            AdoptedOn = new DateOnly(2025, 1, 14),
            RegisteredOn = new DateOnly(2025, 1, 14),
            Meeting = new Meeting("Gemeenteraad", new DateOnly(2025, 1, 14)),
            ResponsibleAldermen = [alderman],
            PolicyArea = "Sociaal domein (breed)",
            Cadence = Cadence.Quarterly,
            ReportingFrom = new DateOnly(2025, 7, 1),
            RequiredIndicators = [.. indicators.Select((i, p) => new RequiredIndicator(i.Id, p + 1, null))],
            SubmittingParties = ["PvdA"],
        }, now, "Griffie")).ToList();
        db.Obligations.AddRange(motions);
        await db.SaveChangesAsync();
        var ids = motions.Select(m => m.Id).ToList();
        await db.Obligations.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, ObligationStatus.InProgress));
        return ids;
    }

    /// <summary>Every planted obligation has the same cycles (all due periods), each once, each with its three tasks once.</summary>
    private async Task AssertOpenedOnceAsync(IReadOnlyCollection<ObligationId> planted)
    {
        await using var db = cluster.Database();
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => planted.Contains(c.ObligationId)).Select(c => new { c.Id, c.ObligationId, c.Period }).ToListAsync();
        var perObligation = cycles.GroupBy(c => c.ObligationId).Select(g => g.Count()).ToList();
        Assert.Equal(planted.Count, perObligation.Count);
        Assert.Single(perObligation.Distinct());
        Assert.True(perObligation[0] >= 2, $"{perObligation[0]} cycles an obligation: the planted motions report every quarter since July 2025.");
        Assert.Equal(cycles.Count, cycles.Select(c => (c.ObligationId, c.Period)).Distinct().Count());
        var ids = cycles.Select(c => c.Id).ToList();
        var tasks = await db.IndicatorTasks.AsNoTracking().Where(t => ids.Contains(t.CycleId)).Select(t => new { t.CycleId, t.IndicatorId }).ToListAsync();
        Assert.Equal(cycles.Count * 3, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Distinct().Count());
    }

    /// <summary>No notification twice, and every e-mail of a notification sent once (by whichever process sent it).</summary>
    private async Task AssertEachNotificationOnceAndMailedOnceAsync()
    {
        await using var db = cluster.Database();
        var notices = await (from n in db.Notifications
                             join u in db.Users on n.RecipientUserId equals u.Id
                             select new { n.RecipientUserId, n.EventKey, n.Subject, n.EmailedAtUtc, u.Email, u.EmailDigest }).ToListAsync();
        Assert.NotEmpty(notices);
        Assert.Equal(notices.Count, notices.Select(n => (n.RecipientUserId, n.EventKey)).Distinct().Count());

        var expected = notices.Where(n => n.EmailedAtUtc != null && !n.EmailDigest).Select(n => $"{n.Email!.ToUpperInvariant()} | {n.Subject}").Order().ToList();
        var mailed = cluster.All.Where(p => Directory.Exists(p.MailFolder))
            .SelectMany(p => Directory.EnumerateFiles(p.MailFolder, "*.eml"))
            .Select(file => MimeMessage.Load(file))
            .Where(m => m.Subject?.StartsWith("Governance: ", StringComparison.Ordinal) != true) // the daily digests
            .Select(m => $"{m.To.Mailboxes.Single().Address.ToUpperInvariant()} | {m.Subject}").Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, mailed);
    }
}
