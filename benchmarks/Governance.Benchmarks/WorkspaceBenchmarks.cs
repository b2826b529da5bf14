using Governance.Domain.Accounts;
using Governance.Domain.Indicators;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Benchmarks;

/// <summary>
/// The workspaces with a municipality's worth of history: 10,000 obligations of 12 indicators with nine earlier
/// quarters of values (1,080,000 values) and the current quarter open (120,000 tasks, 20,000 for each of six teams). The real app (in-process
/// test server, SQLite file) answers the griffie's cockpit, the obligations list with a filter and a search,
/// and a staff member's "Mijn taken"; each measured over many requests after a warm-up, as server time.
/// </summary>
public static partial class WorkspaceBenchmarks
{
    private const string Password = "Benchmark-Wachtwoord-2025";
    private static readonly DateOnly Today = new(2025, 9, 30);

    public static async Task<IReadOnlyList<Measure>> RunAsync(int obligations)
    {
        // GOVERNANCE_BENCHMARK_DB: measure again on a database an earlier run kept (GOVERNANCE_BENCHMARK_KEEP), without seeding.
        var reuse = Environment.GetEnvironmentVariable("GOVERNANCE_BENCHMARK_DB");
        var folder = reuse is { Length: > 0 } ? Path.GetDirectoryName(reuse)! : Directory.CreateTempSubdirectory("governance-workspaces").FullName;
        var file = reuse is { Length: > 0 } ? reuse : Path.Combine(folder, "governance.db");
        var database = new BenchmarkDatabase(file);
        long values;
        if (reuse is { Length: > 0 })
        {
            await using var db = database.CreateContext();
            values = await db.RecordedValues.LongCountAsync();
            obligations = await db.Obligations.CountAsync();
        }
        else
        {
            values = await SeedAsync(database, obligations);
        }

        await using var app = new BenchmarkApp(file, Password);
        using var griffie = await SignedInAsync(app, "griffie@example.test", Roles.Griffie);
        using var staff = await SignedInAsync(app, "m@example.test", null);

        var measures = new List<Measure>
        {
            await MeasureAsync(griffie, "/api/cockpit", $"cockpit ({obligations:N0} obligations, {values:N0} values)"),
            await MeasureAsync(griffie, "/api/obligations?status=InProgress&search=Motie%201234&page=1&pageSize=25", "obligations list, status filter and search, first page"),
            await MeasureAsync(griffie, "/api/obligations?status=InProgress&sort=Reference&page=40&pageSize=25", "obligations list, status filter, page 40"),
            await MeasureAsync(staff, "/api/tasks?page=1&pageSize=25", "Mijn taken, first page of the team's open tasks"),
        };
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("GOVERNANCE_BENCHMARK_KEEP") is { Length: > 0 } || reuse is { Length: > 0 })
        {
            Console.Error.WriteLine($"database kept: {file}");
        }
        else
        {
            Directory.Delete(folder, recursive: true);
        }

        return measures;
    }

    private static Task<Measure> MeasureAsync(HttpClient client, string url, string name) => RequestTimes.P95Async(client, url, name);

    private static async Task<long> SeedAsync(BenchmarkDatabase database, int count)
    {
        await WorkflowBenchmarks.SeedAsync(database, count);
        var now = DateTime.UtcNow;
        await using (var db = database.CreateContext())
        {
            await db.Obligations.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, Domain.Obligations.ObligationStatus.InProgress));

            await SpreadOverTeamsAsync(db, (await db.Teams.SingleAsync()).MunicipalityId);
        }

        // Nine earlier quarters as imported history: 12 values per obligation per quarter.
        var quarters = Enumerable.Range(0, 9).Select(i => ReportingPeriod.Quarter(2023 + (i + 1) / 4, (i + 1) % 4 + 1)).ToList();
        var deadlines = new StepDeadlines(Today, Today, Today, Today);
        var batchIds = new List<Domain.Obligations.ObligationId>();
        await using (var db = database.CreateContext())
        {
            batchIds = await db.Obligations.Select(o => o.Id).ToListAsync();
        }

        foreach (var chunk in batchIds.Chunk(250))
        {
            await using var db = database.CreateContext();
            var ids = chunk.ToList();
            var batch = await db.Obligations.Where(o => ids.Contains(o.Id)).ToListAsync();
            var indicators = await db.Indicators.Include(i => i.Definitions).ToListAsync();
            foreach (var obligation in batch)
            {
                foreach (var (period, q) in quarters.Select((p, q) => (p, q)))
                {
                    db.ReportingCycles.Add(ReportingCycle.ImportHistory(obligation, period, deadlines,
                        [.. indicators.Select((i, n) => (i.Current, IndicatorValue.OfNumber(1_000 + n * 10 + q), (string?)"Monitor"))], "Import", now));
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        await new Workflows.ReportingCycles.OpenReportingCyclesHandler(database,
                new Workflows.ReportingCycles.CycleTimers(WorkingDayCalendar.Dutch(DutchPublicHolidays.Default), TimerRules.Default),
                WorkingDayCalendar.Dutch(DutchPublicHolidays.Default), DeadlineRules.Default, TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<Workflows.ReportingCycles.OpenReportingCyclesHandler>.Instance)
            .Handle(new Workflows.ReportingCycles.OpenReportingCyclesCommand(Today), CancellationToken.None);
        await using var check = database.CreateContext();
        return await check.RecordedValues.LongCountAsync();
    }

    /// <summary>
    /// A municipality's indicators belong to several teams: its 12 go to six teams, two each (the staff member's team,
    /// the municipality's first, keeps the first two).
    /// </summary>
    internal static async Task SpreadOverTeamsAsync(Domain.Persistence.GovernanceDbContext db, Domain.Municipalities.MunicipalityId municipality)
    {
        var first = await db.Teams.SingleAsync(t => t.MunicipalityId == municipality);
        var teams = new List<Domain.Organisation.TeamId> { first.Id };
        for (var t = 2; t <= 6; t++)
        {
            var team = new Domain.Organisation.Team(municipality, $"Team {t}");
            db.Teams.Add(team);
            teams.Add(team.Id);
        }

        await db.SaveChangesAsync();
        var definitions = await (from d in db.IndicatorDefinitions
                                 join i in db.Indicators on d.IndicatorId equals i.Id
                                 where i.MunicipalityId == municipality
                                 orderby d.Name
                                 select d.IndicatorId).ToListAsync();
        for (var i = 0; i < definitions.Count; i++)
        {
            var indicator = definitions[i];
            await db.IndicatorDefinitions.Where(d => d.IndicatorId == indicator).ExecuteUpdateAsync(u => u.SetProperty(d => d.ResponsibleTeamId, teams[i / 2]));
        }
    }

    internal static async Task<HttpClient> SignedInAsync(BenchmarkApp app, string email, string? role)
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            // The staff member was written straight into the database by the seed: normalise it as Identity would.
            var user = await users.Users.SingleOrDefaultAsync(u => u.Email == email);
            if (user is null)
            {
                var municipality = (await users.Users.SingleAsync(u => u.Email == "m@example.test")).MunicipalityId;
                user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Griffie", MunicipalityId = municipality, EmailConfirmed = true };
                Check(await users.CreateAsync(user));
            }

            await users.UpdateNormalizedEmailAsync(user);
            await users.UpdateNormalizedUserNameAsync(user);
            Check(await users.UpdateSecurityStampAsync(user));

            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, Password));
            if (role is not null && !await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await RequestTimes.SignInAsync(client, email, Password) ? client : throw new InvalidOperationException($"Sign-in as {email} failed");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
