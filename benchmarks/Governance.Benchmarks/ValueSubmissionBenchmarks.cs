using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Accounts;
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
/// The value-submission API under load from a second process: the published app (Kestrel on loopback, SQLite
/// file, production settings, no background jobs) and wrk sending the data warehouse's requests: one value each,
/// with an API key and an idempotency key, checked as the form checks (the definition, the previous period's
/// value) and stored with who and when. Afterwards the values in the database are counted against the
/// answers wrk received: every acknowledged value must be stored.
/// </summary>
public static partial class ValueSubmissionBenchmarks
{
    private const int Obligations = 2_000;
    private const int IndicatorsEach = 6;
    private const string Recorder = "Datawarehouse";
    public const int WarmUpSeconds = 90;
    private static readonly DateOnly Today = new(2025, 9, 30);

    public static async Task<IReadOnlyList<string>> RunAsync(string publishFolder, int connections, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("governance-values").FullName;
        try
        {
            var file = Path.Combine(folder, "governance.db");
            var (secret, targets) = await SeedAsync(new BenchmarkDatabase(file));
            var targetsFile = Path.Combine(folder, "targets.txt");
            await File.WriteAllLinesAsync(targetsFile, targets);
            // Beside the kept database (GOVERNANCE_BENCHMARK_KEEP), so the load can be run again by hand.
            await File.WriteAllTextAsync(Path.Combine(folder, "api-key.txt"), secret);
            var script = Path.Combine(folder, "submit.lua");
            await File.WriteAllTextAsync(script, LuaScript);
            SqliteConnection.ClearAllPools();

            const string url = "http://127.0.0.1:5098";
            using var app = StartApp(publishFolder, folder, file, url);
            WrkRun run;
            long stored;
            try
            {
                await WaitUntilUpAsync(app, url, secret, targets[0]);

                // The same load first, until the JIT has moved the hot path from the ReadyToRun code through its instrumented
                // tier to optimized code (about 20 s under this load), and EF's compiled queries and the connection pool are warm.
                await WrkAsync(url, script, targetsFile, secret, "warm", connections, WarmUpSeconds);
                var before = await CountValuesAsync(file);
                run = await WrkAsync(url, script, targetsFile, secret, "run", connections, seconds);
                stored = await CountValuesAsync(file) - before;
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            var lost = run.Ok - stored;
            return
            [
                "| measure | target | result |",
                "|---|---|---|",
                $"| throughput, {connections} connections, {seconds} s | ≥ 3,000 requests/s | {run.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} requests/s |",
                $"| latency, 99th percentile | < 50 ms | {Ms(run.P99)} (median {Ms(run.P50)}, 90th {Ms(run.P90)}) |",
                $"| answers | all 200 | {run.Ok.ToString("N0", CultureInfo.InvariantCulture)} × 200, {run.Conflicts} × 409, {run.Other} other, {run.SocketErrors} socket errors |",
                $"| values stored for those answers | all, none lost | {stored.ToString("N0", CultureInfo.InvariantCulture)} stored, {Math.Max(lost, 0)} lost |",
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("GOVERNANCE_BENCHMARK_KEEP") is { Length: > 0 })
            {
                Console.Error.WriteLine($"kept: {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// The same load on two published app processes on one PostgreSQL database (separate data folders, as on two
    /// machines), a wrk beside each sending half of the requests (those of every other cycle), both at once; the
    /// figures are the two together: requests per second added up, the 99th percentile the worse of the two.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunPostgresAsync(string publishFolder, string server, int connections, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("governance-values-pg").FullName;
        var database = new PostgresBenchmarkDatabase(server, "governance_bench_" + Guid.NewGuid().ToString("N")[..8] + "_values");
        try
        {
            var (secret, targets) = await SeedAsync(database);
            await database.SettleAsync();
            var script = Path.Combine(folder, "submit.lua");
            await File.WriteAllTextAsync(script, LuaScript);
            string[] urls = ["http://127.0.0.1:5098", "http://127.0.0.1:5099"];
            var targetFiles = new List<string>();
            for (var half = 0; half < 2; half++)
            {
                var file = Path.Combine(folder, $"targets-{half}.txt");
                await File.WriteAllLinesAsync(file, targets.Where((_, i) => i % 2 == half));
                targetFiles.Add(file);
            }

            var apps = urls.Select((url, i) => StartApp(publishFolder, Directory.CreateDirectory(Path.Combine(folder, $"app-{i}")).FullName, "Postgres", database.ConnectionString, url)).ToList();
            WrkRun[] runs;
            long stored;
            try
            {
                for (var i = 0; i < 2; i++)
                {
                    await WaitUntilUpAsync(apps[i], urls[i], secret, (await File.ReadAllLinesAsync(targetFiles[i]))[^1]);
                }

                await Task.WhenAll(urls.Select((url, i) => WrkAsync(url, script, targetFiles[i], secret, $"warm{i}", connections / 2, WarmUpSeconds)));
                var before = await CountValuesAsync(database);
                runs = await Task.WhenAll(urls.Select((url, i) => WrkAsync(url, script, targetFiles[i], secret, $"run{i}", connections / 2, seconds)));
                stored = await CountValuesAsync(database) - before;
            }
            finally
            {
                foreach (var app in apps)
                {
                    app.Kill(entireProcessTree: true);
                    await app.WaitForExitAsync();
                }
            }

            var ok = runs.Sum(r => r.Ok);
            return
            [
                "| measure | target | result |",
                "|---|---|---|",
                $"| throughput, two processes, {connections / 2} connections each, {seconds} s | ≥ 3,000 requests/s | {runs.Sum(r => r.RequestsPerSecond).ToString("N0", CultureInfo.InvariantCulture)} requests/s ({string.Join(" + ", runs.Select(r => r.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}) |",
                $"| latency, 99th percentile | < 50 ms | {Ms(runs.Max(r => r.P99))} (the worse of {string.Join(" and ", runs.Select(r => Ms(r.P99)))}; medians {string.Join(" and ", runs.Select(r => Ms(r.P50)))}) |",
                $"| answers | all 200 | {ok.ToString("N0", CultureInfo.InvariantCulture)} × 200, {runs.Sum(r => r.Conflicts)} × 409, {runs.Sum(r => r.Other)} other, {runs.Sum(r => r.SocketErrors)} socket errors |",
                $"| values stored for those answers | all, none lost | {stored.ToString("N0", CultureInfo.InvariantCulture)} stored, {Math.Max(ok - stored, 0)} lost |",
            ];
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresBenchmarkDatabase.DropAsync(server, database.Name);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> CountValuesAsync(Domain.Persistence.ISystemDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.RecordedValues.LongCountAsync(v => v.RecordedBy == Recorder);
    }

    private static string Ms(double microseconds) => (microseconds / 1000).ToString("N1", CultureInfo.InvariantCulture) + " ms";

    /// <summary>
    /// A municipality with 2,000 quarterly obligations of six indicators of their own, one earlier quarter of values
    /// (the previous period each new value is compared with), the current quarter open, and the data warehouse's
    /// account with an API key. The requests go round the cycles, so that no two in flight hit the same report,
    /// and leave one indicator of each cycle alone, so the cycles keep collecting.
    /// </summary>
    private static async Task<(string Secret, List<string> Targets)> SeedAsync(Domain.Persistence.ISystemDatabase database)
    {
        var now = DateTime.UtcNow;
        string secret;
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var municipality = new Municipality("Maastricht", "GM0935");
            var team = new Team(municipality.Id, "Onderzoek en Statistiek");
            var alderman = new Alderman(municipality.Id, "Jeroen Hoenderkamp", "Wethouder WMO");
            db.AddRange(municipality, team, alderman);
            var role = new IdentityRole(Roles.Medewerker) { NormalizedName = Roles.Medewerker.ToUpperInvariant() };
            var user = new ApplicationUser
            {
                UserName = "dwh@example.test", NormalizedUserName = "DWH@EXAMPLE.TEST", Email = "dwh@example.test", NormalizedEmail = "DWH@EXAMPLE.TEST",
                DisplayName = Recorder, MunicipalityId = municipality.Id, TeamId = team.Id, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Roles.Add(role);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            var (key, keySecret) = ApiKey.Create(user.Id, "Datawarehouse", now);
            db.ApiKeys.Add(key);
            secret = keySecret;
            await db.SaveChangesAsync();

            var previous = ReportingPeriod.Quarter(2025, 2);
            var deadlines = new StepDeadlines(Today, Today, Today, Today);
            for (var start = 0; start < Obligations; start += 500)
            {
                await using var batch = database.CreateContext();
                foreach (var n in Enumerable.Range(start, Math.Min(500, Obligations - start)))
                {
                    var indicators = Enumerable.Range(1, IndicatorsEach).Select(i => new Indicator(municipality.Id, Code(n, i), new IndicatorSpecification
                    {
                        Name = $"Indicator {i} van motie {n}", Definition = "Definitie", Kind = IndicatorKind.Count, Source = "Monitor", ResponsibleTeamId = team.Id,
                    }, now)).ToList();
                    var motion = new Motion(municipality.Id, new ObligationDetails
                    {
                        Reference = $"M-{n:00000}",
                        Title = $"Motie {n}",
                        Text = "Verzoekt het college elk kwartaal te rapporteren.",
                        AdoptedOn = new DateOnly(2025, 1, 14),
                        RegisteredOn = new DateOnly(2025, 1, 14),
                        Meeting = new Meeting("Gemeenteraad", new DateOnly(2025, 1, 14)),
                        ResponsibleAldermen = [alderman.Id],
                        PolicyArea = "Sociaal domein (breed)",
                        Cadence = Cadence.Quarterly,
                        ReportingFrom = new DateOnly(2025, 4, 1),
                        RequiredIndicators = [.. indicators.Select((i, p) => new RequiredIndicator(i.Id, p + 1, null))],
                        SubmittingParties = ["PvdA"],
                    }, now, "Griffie");
                    batch.Indicators.AddRange(indicators);
                    batch.Obligations.Add(motion);
                    batch.ReportingCycles.Add(ReportingCycle.ImportHistory(motion, previous, deadlines,
                        [.. indicators.Select((i, p) => (i.Current, IndicatorValue.OfNumber(Number(p + 1)), (string?)"Monitor"))], "Import", now));
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
        var current = ReportingPeriod.Quarter(2025, 3);
        var cycles = await read.ReportingCycles.Where(c => c.Period == current).OrderBy(c => c.Id)
            .Join(read.Obligations, c => c.ObligationId, o => o.Id, (c, o) => new { c.Id, o.Reference }).ToListAsync();
        if (cycles.Count != Obligations)
        {
            throw new InvalidOperationException($"{cycles.Count} cycles opened, {Obligations} expected.");
        }

        // Request j goes to cycle j mod 2,000 and the (j div 2,000 mod 5)-th indicator: 10,000 targets, five per cycle.
        var targets = new List<string>();
        for (var indicator = 1; indicator < IndicatorsEach; indicator++)
        {
            targets.AddRange(cycles.Select(c => $"{c.Id.Value};{Code(int.Parse(c.Reference[2..], CultureInfo.InvariantCulture), indicator)};{Number(indicator) + 3}"));
        }

        return (secret, targets);
    }

    private static string Code(int obligation, int indicator) => $"M{obligation:00000}-{indicator}";

    private static int Number(int indicator) => 1_000 + indicator * 10;

    internal static Process StartApp(string publishFolder, string dataFolder, string file, string url) =>
        StartApp(publishFolder, dataFolder, "Sqlite", $"Data Source={file}", url);

    internal static Process StartApp(string publishFolder, string dataFolder, string provider, string connectionString, string url)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(Path.GetFullPath(publishFolder), "Governance.Web.dll"))
        {
            WorkingDirectory = Path.GetFullPath(publishFolder),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Governance__Demo"] = "false";
        start.Environment["Governance__Jobs__RunServer"] = "false";
        start.Environment["Governance__DataFolder"] = dataFolder;
        start.Environment["Governance__DatabaseProvider"] = provider;
        start.Environment["Governance__ConnectionString"] = connectionString;
        start.Environment["Governance__FirstAdministrator__Email"] = "beheer@example.test";
        start.Environment["Governance__FirstAdministrator__Password"] = "Benchmark-Wachtwoord-2025";
        start.Environment["Governance__FirstAdministrator__MunicipalityName"] = "Maastricht";
        start.Environment["Governance__FirstAdministrator__MunicipalityCode"] = "GM0935";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine($"app: {line}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine($"app: {line}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Until the app answers; then one request as wrk sends it must be accepted.</summary>
    private static async Task WaitUntilUpAsync(Process app, string url, string secret, string target)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        await WaitForPageAsync(app, client, "/account/login");

        var parts = target.Split(';');
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{parts[0]}/values")
        {
            Content = JsonContent.Create(new { values = new[] { new { indicatorCode = parts[1], number = int.Parse(parts[2], CultureInfo.InvariantCulture), source = Recorder } } }),
        };
        request.Headers.Add("X-Api-Key", secret);
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The first submission answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Until <paramref name="path"/> answers 200 (the started app is ready), or the app stops.</summary>
    internal static async Task WaitForPageAsync(Process app, HttpClient client, string path)
    {
        for (var i = 0; ; i++)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The app stopped with exit code {app.ExitCode}.");
            }

            try
            {
                using var up = await client.GetAsync(path);
                if (up.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (i < 600)
            {
            }

            await Task.Delay(100);
        }
    }

    internal sealed record WrkRun(double RequestsPerSecond, double P50, double P90, double P99, long Ok, long Conflicts, long Other, long SocketErrors);

    internal static async Task<WrkRun> WrkAsync(string url, string script, string targets, string secret, string run, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", "-s", script, url, "--", targets, secret, run })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        Console.Error.WriteLine(output);
        var summary = Summary().Match(output);
        if (wrk.ExitCode != 0 || !summary.Success)
        {
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {output}{await wrk.StandardError.ReadToEndAsync()}");
        }

        double Number(string name) => double.Parse(summary.Groups[name].Value, CultureInfo.InvariantCulture);
        var socket = SocketErrors().Match(output);
        var socketErrors = socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkRun(Number("rps"), Number("p50"), Number("p90"), Number("p99"), (long)Number("ok"), (long)Number("conflicts"), (long)Number("other"), socketErrors);
    }

    private static async Task<long> CountValuesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM RecordedValues WHERE RecordedBy = $by";
        command.Parameters.AddWithValue("$by", Recorder);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"summary rps=(?<rps>[\d.]+) p50=(?<p50>[\d.]+) p90=(?<p90>[\d.]+) p99=(?<p99>[\d.]+) ok=(?<ok>\d+) conflicts=(?<conflicts>\d+) other=(?<other>\d+)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    /// <summary>
    /// wrk's script: each thread reads the targets and takes every other one (two threads), a new idempotency key
    /// per request; it counts the answers by status, and the summary adds the threads' counts up.
    /// </summary>
    private const string LuaScript = """
        local threads = {}

        function setup(thread)
          thread:set("tid", #threads)
          table.insert(threads, thread)
        end

        function init(args)
          targets = {}
          for line in io.lines(args[1]) do
            local cycle, code, number = line:match("([^;]+);([^;]+);([^;]+)")
            table.insert(targets, { path = "/api/cycles/" .. cycle .. "/values",
              body = '{"values":[{"indicatorCode":"' .. code .. '","number":' .. number .. ',"source":"Datawarehouse"}]}' })
          end
          key = args[2]
          run = args[3]
          sent = 0
          ok = 0
          conflicts = 0
          other = 0
        end

        function request()
          local target = targets[((tid + sent * 2) % #targets) + 1]
          sent = sent + 1
          return wrk.format("POST", target.path, {
            ["Content-Type"] = "application/json",
            ["X-Api-Key"] = key,
            ["Idempotency-Key"] = run .. "-" .. tid .. "-" .. sent,
          }, target.body)
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
