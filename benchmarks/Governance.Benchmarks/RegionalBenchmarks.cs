using System.Text.RegularExpressions;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Planning;
using Governance.Domain.Regions;
using Governance.Domain.ReportingCycles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Governance.Benchmarks;

/// <summary>
/// The regional monitor at the size of a region: 6 municipalities, each sharing a monitor of 50 indicators (40 counts and
/// 10 shares computed from two of them, so the weighted averages are computed too) with 20 quarters of handed-in figures.
/// The real app (in-process test server, SQLite file, production mode) answers the monitor over 20 periods as JSON and
/// renders its page; each measured over many requests after a warm-up, as server time.
/// </summary>
public static class RegionalBenchmarks
{
    public const int Municipalities = 6;
    public const int Indicators = 50;
    public const int Periods = 20;
    private const int Shares = 10;
    private const string Password = "Benchmark-Wachtwoord-2025";

    public static async Task<IReadOnlyList<Measure>> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("governance-regional").FullName;
        var file = Path.Combine(folder, "governance.db");
        try
        {
            await using var app = new BenchmarkApp(file, Password);
            using var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (!await RequestTimes.SignInAsync(admin, "beheer@example.test", Password))
            {
                throw new InvalidOperationException("Sign-in as the administrator failed.");
            }

            var cooperation = await SeedAsync(new BenchmarkDatabase(file));
            var shape = $"{Municipalities} municipalities × {Indicators} indicators × {Periods} periods";
            return
            [
                // Warm-up long enough for the tiered JIT to have compiled the monitor's code at its second tier; each answer holds every indicator.
                await RequestTimes.P95Async(admin, $"/api/regional-monitor/{cooperation}?periods={Periods}", $"regional monitor as JSON ({shape})", 100,
                    text => Whole(text, Regex.Count(text, "\"code\":\"REG-"))),
                await RequestTimes.P95Async(admin, $"/regio/{cooperation}", $"regional monitor page rendered ({shape})", 100,
                    text => Whole(text, Regex.Count(text, "data-testid=\"regional-indicator\""))),
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Why an answer is not the whole monitor (every indicator, every municipality), if it is not.</summary>
    private static string? Whole(string text, int indicators) =>
        indicators == Indicators && text.Contains("Gemeente 5", StringComparison.Ordinal) ? null : $"{indicators} indicators: {text[..Math.Min(text.Length, 300)]}";

    /// <summary>Five more municipalities beside the first administrator's, each with its team, alderman, monitor and history, all shared with one cooperation.</summary>
    private static async Task<Guid> SeedAsync(BenchmarkDatabase database)
    {
        var now = DateTime.UtcNow;
        var periods = Enumerable.Range(0, Periods).Select(i => ReportingPeriod.Quarter(2021 + i / 4, i % 4 + 1)).ToList();
        var deadlines = new StepDeadlines(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 15), new DateOnly(2026, 1, 22));
        await using var db = database.CreateContext();
        var members = new List<Municipality> { await db.Municipalities.SingleAsync() };
        members.AddRange(Enumerable.Range(1, Municipalities - 1).Select(i => new Municipality($"Gemeente {i}", $"GM09{i:00}")));
        db.Municipalities.AddRange(members.Skip(1));
        await db.SaveChangesAsync();

        var cooperation = new Cooperation("Regio", members[0].Id, eachPortfolioHolderApproves: false, now);
        foreach (var member in members.Skip(1))
        {
            cooperation.Invite(member.Id, now);
            cooperation.Join(member.Id, now);
        }

        db.Cooperations.Add(cooperation);
        foreach (var (member, m) in members.Select((member, m) => (member, m)))
        {
            var team = new Team(member.Id, "Onderzoek");
            var alderman = new Alderman(member.Id, "Wethouder", "Sociaal domein");
            db.AddRange(team, alderman);
            var indicators = Enumerable.Range(1, Indicators).Select(n => new Indicator(member.Id, $"REG-{n:00}", new IndicatorSpecification
            {
                Name = $"Indicator {n}",
                Definition = $"Regionale indicator {n}.",
                Kind = n > Indicators - Shares ? IndicatorKind.Percentage : IndicatorKind.Count,
                Decimals = n > Indicators - Shares ? 1 : 0,
                Source = "Monitor",
                ResponsibleTeamId = team.Id,
                // The last ten are shares of two counts: 41 is 1 of 2, 42 is 3 of 4, and so on.
                Formula = n > Indicators - Shares ? $"[REG-{2 * (n - Indicators + Shares) - 1:00}] / [REG-{2 * (n - Indicators + Shares):00}] * 100" : null,
            }, now)).ToList();
            db.Indicators.AddRange(indicators);
            var motion = new Motion(member.Id, new ObligationDetails
            {
                Reference = "M-2020-001",
                Title = "Regionale monitor",
                Text = "Verzoekt het college elk kwartaal te rapporteren.",
                AdoptedOn = new DateOnly(2020, 1, 14),
                RegisteredOn = new DateOnly(2020, 1, 14),
                Meeting = new Meeting("Gemeenteraad", new DateOnly(2020, 1, 14)),
                ResponsibleAldermen = [alderman.Id],
                PolicyArea = "Sociaal domein",
                Cadence = Cadence.Quarterly,
                ReportingFrom = new DateOnly(2030, 1, 1),
                RequiredIndicators = [.. indicators.Select((i, n) => new RequiredIndicator(i.Id, n + 1, null))],
                SubmittingParties = ["Raadsbreed"],
            }, now, "Benchmark");
            db.Obligations.Add(motion);
            var measured = indicators.Where(i => i.Current.Formula is null).ToList();
            foreach (var (period, p) in periods.Select((period, p) => (period, p)))
            {
                db.ReportingCycles.Add(ReportingCycle.ImportHistory(motion, period, deadlines,
                    [.. measured.Select((i, n) => (i.Current, IndicatorValue.OfNumber(1_000 * (m + 1) + n * 20 + p + (n % 2 == 1 ? 100 : 0)), (string?)"Monitor"))], "Import", now));
            }

            db.RegionalShares.Add(RegionalShare.Give(cooperation, member.Id, null, motion.Id, "Benchmark", now));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return cooperation.Id.Value;
    }

}
