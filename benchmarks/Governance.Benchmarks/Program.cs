using System.Diagnostics;
using System.Globalization;
using Governance.Benchmarks;

// Reporting workflows at scale on SQLite, each measure beside a reference measured in the same run; or, with
// "letters", composing a letter of 12 indicators and writing its DOCX and PDF; or, with "workspaces", the cockpit,
// the obligations list and "Mijn taken" over 10,000 obligations and about a million values; or, with "administration", the
// accounts list and the audit log at 5,000 accounts and a million lines, and queuing an invitation; or, with "regional", the
// regional monitor of 6 municipalities × 50 indicators × 20 periods.
// Or, with "values", the value-submission API of the published app under load from wrk; with "public", the public register
// and its open data under a crowd from wrk, the first answer after a change, and Mijn taken meanwhile; with
// "values-postgres", the value-submission API of two published app processes on one PostgreSQL database.
// Or, with "postgres", the reporting workflows on PostgreSQL (GOVERNANCE_BENCH_POSTGRES, default the local server), then
// one installation of ten such municipalities: the opening of all at once and one municipality's workspaces.
// Usage: dotnet run -c Release --project benchmarks/Governance.Benchmarks -- [obligations|letters|workspaces|administration|regional|postgres] [output.md] [obligations] [municipalities]
//        dotnet run -c Release --project benchmarks/Governance.Benchmarks -- values|values-postgres|public output.md <published app folder> [connections] [seconds]
if (args.Length > 2 && args[0] == "public")
{
    var table = string.Join('\n', await PublicRegisterBenchmarks.RunAsync(args[2],
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 32, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20));
    Console.WriteLine(table);
    await File.WriteAllTextAsync(args[1], table);
    return;
}

if (args.Length > 2 && args[0] == "values")
{
    var table = string.Join('\n', await ValueSubmissionBenchmarks.RunAsync(args[2],
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 32, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20));
    Console.WriteLine(table);
    await File.WriteAllTextAsync(args[1], table);
    return;
}

if (args.Length > 2 && args[0] == "values-postgres")
{
    var server = Environment.GetEnvironmentVariable("GOVERNANCE_BENCH_POSTGRES") ?? "Host=localhost;Port=5432;Username=postgres;Password=postgres";
    var table = string.Join('\n', await ValueSubmissionBenchmarks.RunPostgresAsync(args[2], server,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 32, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20));
    Console.WriteLine(table);
    await File.WriteAllTextAsync(args[1], table);
    return;
}

if (args.Length > 0 && args[0] is "letters" or "workspaces" or "administration" or "regional")
{
    var measures = args[0] switch
    {
        "letters" => await LetterBenchmarks.RunAsync(),
        "regional" => await RegionalBenchmarks.RunAsync(),
        "administration" => await AdministrationBenchmarks.RunAsync(),
        _ => await WorkspaceBenchmarks.RunAsync(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000),
    };
    var letters = new BenchmarkResults(0, 0, measures, Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024).ToMarkdown();
    Console.WriteLine(letters);
    if (args.Length > 1)
    {
        await File.WriteAllTextAsync(args[1], letters);
    }

    return;
}

if (args.Length > 1 && args[0] == "postgres-reopen")
{
    // The installation's quarter opened again, on a database an earlier "postgres" run kept (GOVERNANCE_BENCHMARK_KEEP).
    var server = Environment.GetEnvironmentVariable("GOVERNANCE_BENCH_POSTGRES") ?? "Host=localhost;Port=5432;Username=postgres;Password=postgres";
    Console.WriteLine($"opening: {(await PostgresScaleBenchmarks.ReopenAsync(server, args[1])).TotalMilliseconds:N0} ms");
    return;
}

if (args.Length > 1 && args[0] == "postgres-workspaces")
{
    // The workspaces of the installation measure again, on a database an earlier "postgres" run kept (GOVERNANCE_BENCHMARK_KEEP).
    var server = Environment.GetEnvironmentVariable("GOVERNANCE_BENCH_POSTGRES") ?? "Host=localhost;Port=5432;Username=postgres;Password=postgres";
    var database = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = args[1] }.ConnectionString;
    foreach (var measure in await PostgresScaleBenchmarks.WorkspacesAsync(database, 10_000, 100_000))
    {
        Console.WriteLine($"{measure.Name}: {measure.Milliseconds:0.0} ms");
    }

    return;
}

if (args.Length > 0 && args[0] == "postgres")
{
    // The reporting workflows on PostgreSQL: GOVERNANCE_BENCH_POSTGRES is the server (a database is made per measure).
    var server = Environment.GetEnvironmentVariable("GOVERNANCE_BENCH_POSTGRES") ?? "Host=localhost;Port=5432;Username=postgres;Password=postgres";
    // Then, unless the fourth argument is 0, that many municipalities of as many obligations in one installation (default 10).
    var perMunicipality = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
    var postgres = await PostgresWorkflowBenchmarks.RunAsync(server, perMunicipality);
    var municipalities = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
    if (municipalities > 0)
    {
        var scale = await PostgresScaleBenchmarks.RunAsync(server, municipalities, perMunicipality, postgres.Measures[0].Milliseconds);
        postgres = postgres with { Measures = [.. postgres.Measures, .. scale], PeakMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024 };
    }

    var table = postgres.ToMarkdown();
    Console.WriteLine(table);
    if (args.Length > 1)
    {
        await File.WriteAllTextAsync(args[1], table);
    }

    return;
}

var obligations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var output = args.Length > 1 ? args[1] : null;
var results = await WorkflowBenchmarks.RunAsync(obligations);
var markdown = results.ToMarkdown();
Console.WriteLine(markdown);
if (output is not null)
{
    await File.WriteAllTextAsync(output, markdown);
}

Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
