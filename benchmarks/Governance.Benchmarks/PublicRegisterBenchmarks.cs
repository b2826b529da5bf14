using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Commitments;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Benchmarks;

/// <summary>
/// The public register under a crowd (a local news story): the published app on a SQLite file with 10,000 public
/// obligations, wrk reading the register's pages and its items, then the open-data list; the first answer after the
/// griffie changes an item; and a staff member's Mijn taken while the crowd reads, against the same without the crowd.
/// </summary>
public static class PublicRegisterBenchmarks
{
    private const int Obligations = 10_000;
    private const string Url = "http://127.0.0.1:5097";
    private static readonly DateOnly Today = new(2025, 9, 30);
    private static readonly string[] Committees = ["Gemeenteraad", "Domeinvergadering Sociaal", "Domeinvergadering Fysiek", "Commissie Bestuur"];

    public static async Task<IReadOnlyList<string>> RunAsync(string publishFolder, int connections, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("governance-public").FullName;
        try
        {
            var file = Path.Combine(folder, "governance.db");
            var seeded = await SeedAsync(new BenchmarkDatabase(file));
            var script = Path.Combine(folder, "read.lua");
            await File.WriteAllTextAsync(script, LuaScript);
            // A crowd reads the register's first 20 pages and 200 of its items; a harvester the open data's pages.
            var pages = Path.Combine(folder, "pages.txt");
            await File.WriteAllLinesAsync(pages, [.. Enumerable.Range(1, 20).Select(p => $"/openbaar/maastricht?pagina={p}"), .. seeded.References.Take(200).Select(r => $"/openbaar/maastricht/{r}")]);
            var open = Path.Combine(folder, "open.txt");
            await File.WriteAllLinesAsync(open, [.. Enumerable.Range(1, 20).Select(p => $"/api/open/maastricht/informatieobjecten?page={p}")]);
            SqliteConnection.ClearAllPools();

            using var app = ValueSubmissionBenchmarks.StartApp(publishFolder, folder, file, Url);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
                await ValueSubmissionBenchmarks.WaitForPageAsync(app, client, "/openbaar/maastricht");
                using var staff = Client(seeded.StaffKey);
                using var griffie = Client(seeded.GriffieKey);

                // Warm: the JIT's tiers and EF's compiled queries, on the same requests.
                await ValueSubmissionBenchmarks.WrkAsync(Url, script, pages, "", "warm", connections, 15);
                await ValueSubmissionBenchmarks.WrkAsync(Url, script, open, "", "warm", connections, 10);
                var quiet = await TimeAsync(staff, "/api/tasks?scope=Open&pageSize=25", 200);

                var register = await ValueSubmissionBenchmarks.WrkAsync(Url, script, pages, "", "run", connections, seconds);
                var openData = await ValueSubmissionBenchmarks.WrkAsync(Url, script, open, "", "run", connections, seconds);

                // Mijn taken, one request after another, while the crowd reads (wrk in its own process).
                var crowd = ValueSubmissionBenchmarks.WrkAsync(Url, script, pages, "", "crowd", connections, seconds);
                await Task.Delay(2_000);
                var busy = await TimeAsync(staff, "/api/tasks?scope=Open&pageSize=25", 400);
                await crowd;

                // The first answer after a change: the griffie takes an item out of the register and puts it back; each time the
                // register's first page is asked for once (it is not cached then) and must not hold the change's old state.
                var afterChange = new List<double>();
                var item = seeded.FirstId;
                for (var i = 0; i < 20; i++)
                {
                    var version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{item}")).GetProperty("version").GetInt32();
                    using var changed = await griffie.PutAsJsonAsync($"/api/obligations/{item}/visibility", new { isPublic = i % 2 == 1, version });
                    changed.EnsureSuccessStatusCode();
                    var watch = Stopwatch.StartNew();
                    using var page = await client.GetAsync("/openbaar/maastricht?pagina=1");
                    await page.Content.ReadAsByteArrayAsync();
                    afterChange.Add(watch.Elapsed.TotalMilliseconds);
                    using var shown = await client.GetAsync($"/openbaar/maastricht/{seeded.References[0]}");
                    if (!page.IsSuccessStatusCode || shown.IsSuccessStatusCode != (i % 2 == 1))
                    {
                        throw new InvalidOperationException($"After change {i} the register answered {page.StatusCode} and the item {shown.StatusCode}.");
                    }
                }

                afterChange.Sort();
                return
                [
                    "| measure | target | result |",
                    "|---|---|---|",
                    $"| register pages and items (220 addresses), {connections} connections, {seconds} s | ≥ 5,000 requests/s, 99th < 50 ms | {Rps(register)} requests/s, 99th {Ms(register.P99)} (median {Ms(register.P50)}); {register.Ok:N0} × 200, {register.Other} other |",
                    $"| open-data list (20 pages of 50), {connections} connections, {seconds} s | ≥ 5,000 requests/s, 99th < 50 ms | {Rps(openData)} requests/s, 99th {Ms(openData.P99)} (median {Ms(openData.P50)}); {openData.Ok:N0} × 200, {openData.Other} other |",
                    $"| first register page after a change (20 changes) | < 100 ms | median {afterChange[afterChange.Count / 2]:N1} ms, worst {afterChange[^1]:N1} ms |",
                    $"| Mijn taken (10,000 open tasks in the team), 95th percentile, while the crowd reads | < 100 ms | {Percentile(busy, 95):N1} ms (median {Percentile(busy, 50):N1} ms; without the crowd {Percentile(quiet, 95):N1} ms) |",
                ];
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Rps(ValueSubmissionBenchmarks.WrkRun run) => run.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double microseconds) => (microseconds / 1000).ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static double Percentile(List<double> sorted, int percent) => sorted[Math.Min(sorted.Count - 1, sorted.Count * percent / 100)];

    private static HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The request <paramref name="times"/> times in a row, each timed; sorted.</summary>
    private static async Task<List<double>> TimeAsync(HttpClient client, string path, int times)
    {
        var timings = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return timings;
    }

    private sealed record Seeded(string StaffKey, string GriffieKey, Guid FirstId, List<string> References);

    /// <summary>
    /// Maastricht with 10,000 public quarterly motions and commitments in four committees, one indicator each, last
    /// quarter's value in place and this quarter's task open for the staff member's team; a staff member and a griffie
    /// member, each with an API key.
    /// </summary>
    private static async Task<Seeded> SeedAsync(BenchmarkDatabase database)
    {
        var now = DateTime.UtcNow;
        string staffKey;
        string griffieKey;
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var municipality = new Municipality("Maastricht", "GM0935");
            var team = new Team(municipality.Id, "Onderzoek en Statistiek");
            var aldermen = new[] { new Alderman(municipality.Id, "Jeroen Hoenderkamp", "Sociaal domein"), new Alderman(municipality.Id, "Mieke Damsma", "Ruimte") };
            db.AddRange(municipality, team);
            db.AddRange(aldermen);
            staffKey = Account(db, municipality.Id, team.Id, "medewerker@example.test", Roles.Medewerker, now);
            griffieKey = Account(db, municipality.Id, null, "griffie@example.test", Roles.Griffie, now);
            await db.SaveChangesAsync();

            var previous = ReportingPeriod.Quarter(2025, 2);
            var deadlines = new StepDeadlines(Today, Today, Today, Today);
            for (var start = 0; start < Obligations; start += 1_000)
            {
                await using var batch = database.CreateContext();
                foreach (var n in Enumerable.Range(start, Math.Min(1_000, Obligations - start)))
                {
                    var indicator = new Indicator(municipality.Id, $"IND-{n:00000}", new IndicatorSpecification
                    {
                        Name = $"Indicator van {n}", Definition = "Definitie", Kind = IndicatorKind.Count, Source = "Monitor", ResponsibleTeamId = team.Id,
                    }, now);
                    var adopted = new DateOnly(2018 + n % 7, 1 + n % 12, 1 + n % 28);
                    var details = new ObligationDetails
                    {
                        Reference = $"{(n % 3 == 0 ? "T" : "M")}-{adopted.Year}-{n:00000}",
                        Title = $"Onderwerp {n}: {(n % 2 == 0 ? "wachttijden jeugdhulp" : "bereikbaarheid binnenstad")}",
                        Text = "Verzoekt het college de raad elk kwartaal te informeren over de voortgang, met de cijfers van de monitor.",
                        AdoptedOn = adopted,
                        RegisteredOn = adopted,
                        Meeting = new Meeting(Committees[n % Committees.Length], adopted),
                        ResponsibleAldermen = [aldermen[n % 2].Id],
                        PolicyArea = "Sociaal domein (breed)",
                        Cadence = Cadence.Quarterly,
                        ReportingFrom = new DateOnly(2025, 4, 1),
                        RequiredIndicators = [new RequiredIndicator(indicator.Id, 1, null)],
                        SubmittingParties = n % 3 == 0 ? [] : ["PvdA", "GroenLinks"],
                    };
                    Obligation obligation = n % 3 == 0 ? new Commitment(municipality.Id, details, now, "Griffie") : new Motion(municipality.Id, details, now, "Griffie");
                    batch.Indicators.Add(indicator);
                    batch.Obligations.Add(obligation);
                    batch.ReportingCycles.Add(ReportingCycle.ImportHistory(obligation, previous, deadlines, [(indicator.Current, IndicatorValue.OfNumber(100 + n % 50), (string?)"Monitor")], "Import", now));
                }

                await batch.SaveChangesAsync();
            }

            await db.Obligations.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, ObligationStatus.InProgress));
        }

        var workingDays = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);
        await new OpenReportingCyclesHandler(database, new CycleTimers(workingDays, TimerRules.Default), workingDays, DeadlineRules.Default,
                new FixedTime(new DateTimeOffset(MunicipalTime.ToUtc(Today, new TimeOnly(6, 0)), TimeSpan.Zero)), NullLogger<OpenReportingCyclesHandler>.Instance)
            .Handle(new OpenReportingCyclesCommand(Today), CancellationToken.None);

        await using var read = database.CreateContext();
        var all = await read.Obligations.OrderBy(o => o.Reference).Select(o => new { o.Id, o.Reference }).ToListAsync();
        return new Seeded(staffKey, griffieKey, all[0].Id.Value, [.. all.Select(o => o.Reference)]);
    }

    private static string Account(Domain.Persistence.GovernanceDbContext db, MunicipalityId municipality, TeamId? team, string email, string roleName, DateTime now)
    {
        var role = db.Roles.Local.SingleOrDefault(r => r.Name == roleName) ?? new IdentityRole(roleName) { NormalizedName = roleName.ToUpperInvariant() };
        if (db.Entry(role).State == EntityState.Detached)
        {
            db.Roles.Add(role);
        }

        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = email,
            MunicipalityId = municipality, TeamId = team, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        var (key, secret) = ApiKey.Create(user.Id, email, now);
        db.ApiKeys.Add(key);
        return secret;
    }

    /// <summary>wrk's script: each thread goes round the addresses (two threads, every other one) and counts the answers.</summary>
    private const string LuaScript = """
        local threads = {}

        function setup(thread)
          thread:set("tid", #threads)
          table.insert(threads, thread)
        end

        function init(args)
          paths = {}
          for line in io.lines(args[1]) do
            table.insert(paths, line)
          end
          sent = 0
          ok = 0
          conflicts = 0
          other = 0
        end

        function request()
          local path = paths[((tid + sent * 2) % #paths) + 1]
          sent = sent + 1
          return wrk.format("GET", path, { ["Accept-Language"] = "nl-NL" })
        end

        function response(status, headers, body)
          if status == 200 then ok = ok + 1
          elseif status == 409 then conflicts = conflicts + 1
          else other = other + 1 end
        end

        function done(summary, latency, requests)
          local o, c, x = 0, 0, 0
          for _, thread in ipairs(threads) do
            o = o + thread:get("ok")
            c = c + thread:get("conflicts")
            x = x + thread:get("other")
          end
          io.write(string.format("summary rps=%.1f p50=%.1f p90=%.1f p99=%.1f ok=%d conflicts=%d other=%d\n",
            summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(90), latency:percentile(99), o, c, x))
        end
        """;
}
