using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Features.Obligations;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Persistence;

/// <summary>The whole app on PostgreSQL: migrated and seeded at start, served through the API.</summary>
public class PostgresAppTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task The_demo_runs_on_PostgreSQL()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/obligations?sort=Reference&descending=false&pageSize=100");
        Assert.Equal(6, page.GetProperty("totalCount").GetInt32());
        Assert.Equal("M-2014-083", page.GetProperty("items")[0].GetProperty("reference").GetString());

        // Search ignores accents and case here as on SQLite: the text says "op één plek".
        var plain = await client.GetFromJsonAsync<JsonElement>("/api/obligations?search=OP%20EEN%20PLEK");
        Assert.Equal("T-2025-118", Assert.Single(plain.GetProperty("items").EnumerateArray()).GetProperty("reference").GetString());
    }

    [Fact]
    public async Task The_obligations_search_is_answered_from_the_trigram_indexes()
    {
        await using var db = app.Database();
        var query = ListObligationsHandler.Filter(db.Obligations.AsNoTracking(), new ListObligationsQuery(Search: "één plek"), new DateOnly(2025, 9, 30));
        // The SQL EF sends, its parameters written out as EF lists them ("-- @name='value'" above the statement).
        var lines = query.Select(o => o.Id).ToQueryString().Split('\n');
        var parameters = lines.Where(l => l.StartsWith("-- @", StringComparison.Ordinal))
            .Select(l => l[3..].Split('=', 2))
            .Select(p => new NpgsqlParameter(p[0], p[1].Trim('\'')))
            .ToArray();
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal)));

        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, (NpgsqlConnection)db.Database.GetDbConnection());
        explain.Parameters.AddRange(parameters);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        // Usable by the query as EF writes it: the index expressions are the query's, term for term.
        var text = string.Join('\n', plan);
        Assert.Contains("IX_Obligations_Search_Title", text);
        Assert.Contains("IX_Obligations_Search_Text", text);
        Assert.Contains("IX_Obligations_Search_Reference", text);
    }

    [Fact]
    public async Task The_cockpit_and_Mijn_taken_answer_on_PostgreSQL()
    {
        using (var scope = app.Services.CreateScope())
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenReportingCyclesCommand(MunicipalTime.Today(time)));
        }

        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var cockpit = await griffie.GetFromJsonAsync<JsonElement>("/api/cockpit");
        Assert.Equal(6, cockpit.GetProperty("byStatus").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(24, cockpit.GetProperty("openAndClosed").GetArrayLength());
        Assert.NotEmpty(cockpit.GetProperty("perCommittee").EnumerateArray());
        Assert.NotEmpty(cockpit.GetProperty("perAlderman").EnumerateArray());

        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var tasks = await staff.GetFromJsonAsync<JsonElement>("/api/tasks?page=1&pageSize=25");
        Assert.True(tasks.GetProperty("totalCount").GetInt32() > 0);
        Assert.InRange(tasks.GetProperty("items").GetArrayLength(), 1, 25);
    }

    [Fact]
    public async Task The_app_plans_its_queries_without_parallel_workers_also_on_a_pooled_connection_after_its_reset()
    {
        using var scope = app.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<ISystemDatabase>();
        await using (var db = database.CreateContext())
        {
            Assert.Equal("0", await ShowAsync(db));
            // A session that changed the setting hands its connection back to the pool...
            await db.Database.ExecuteSqlRawAsync("SET max_parallel_workers_per_gather = 4");
            Assert.Equal("4", await ShowAsync(db));
        }

        // ...and the next one on it (Npgsql resets it, RESET ALL among others) starts from the connection's own value again.
        await using var next = database.CreateContext();
        Assert.Equal("0", await ShowAsync(next));

        static async Task<string> ShowAsync(GovernanceDbContext db)
        {
            await db.Database.OpenConnectionAsync();
            return await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync();
        }
    }

    [Theory]
    [InlineData("Host=db;Database=g", 30, "-c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Database=g;Maximum Pool Size=80", 80, "-c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Database=g;Options=-c statement_timeout=5000", 30, "-c max_parallel_workers_per_gather=0 -c statement_timeout=5000")]
    [InlineData("Host=db;Database=g;Options=-c max_parallel_workers_per_gather=2", 30, "-c max_parallel_workers_per_gather=2")]
    public void The_connection_string_keeps_what_the_installation_sets_and_adds_the_app_defaults(string given, int pool, string options)
    {
        var resolved = new NpgsqlConnectionStringBuilder(Governance.Web.Hosting.DatabaseSetup.ForPostgres(given));
        Assert.Equal(pool, resolved.MaxPoolSize);
        Assert.Equal(options, resolved.Options);
        Assert.Equal("db", resolved.Host);
    }
}
