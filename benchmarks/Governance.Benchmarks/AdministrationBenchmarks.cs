using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Governance.Domain.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Governance.Benchmarks;

/// <summary>
/// Administration at a large municipality's size: 5,000 accounts and 1,000,000 lines of audit log. The real app
/// (in-process test server, SQLite file, production mode with its first administrator) answers the accounts list
/// (first page, a search, a role filter on page 20) and the audit log (newest page, by action, by person, a page deep
/// in the log), and queues invitations; each measured over many requests after a warm-up, as server time.
/// </summary>
public static partial class AdministrationBenchmarks
{
    private const string Password = "Benchmark-Wachtwoord-2025";
    private const int Accounts = 5_000;
    private const int AuditLines = 1_000_000;
    private const int Requests = 200;

    public static async Task<IReadOnlyList<Measure>> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("governance-administration").FullName;
        var file = Path.Combine(folder, "governance.db");
        try
        {
            await using var app = new BenchmarkApp(file, Password);
            using var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var (firstPerson, deepLine) = await SeedAsync(file);
            await SignInAsync(admin);

            return
            [
                await MeasureAsync(admin, "/api/admin/users?page=1&pageSize=25", $"accounts list, first page ({Accounts:N0} accounts)"),
                await MeasureAsync(admin, "/api/admin/users?search=janssen&page=1&pageSize=25", "accounts list, search by name"),
                await MeasureAsync(admin, "/api/admin/users?role=Medewerker&page=20&pageSize=25", "accounts list, role filter, page 20"),
                await MeasureAsync(admin, "/api/admin/audit?pageSize=50", $"audit log, newest page ({AuditLines:N0} lines)"),
                await MeasureAsync(admin, "/api/admin/audit?action=SignInFailed&pageSize=50", "audit log, one action"),
                await MeasureAsync(admin, $"/api/admin/audit?actorUserId={firstPerson}&pageSize=50", "audit log, one person"),
                await MeasureAsync(admin, $"/api/admin/audit?before={deepLine}&pageSize=50", "audit log, a page half a million lines back"),
                await InvitationsAsync(admin),
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the accounts (each with a role) and the audit lines straight into the file, in one transaction each.</summary>
    private static async Task<(string FirstPerson, long DeepLine)> SeedAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var municipality = (string)(await Scalar(connection, "SELECT \"Id\" FROM \"Municipalities\" LIMIT 1"))!;
        var role = (string)(await Scalar(connection, "SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'Medewerker'"))!;
        string[] surnames = ["Janssen", "Peeters", "Hermans", "Vossen", "Willems", "Smeets", "Coenen", "Wolfs", "Lemmens", "Bosch"];
        var people = new List<string>(Accounts);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var user = Command(connection, """
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "MunicipalityId", "EmailDigest", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "LastSignInAtUtc")
                VALUES ($id, $name, $municipality, 0, $email, $normalized, $email, $normalized, 1, $stamp, $stamp, 0, 0, 1, 0, $signedIn)
                """, "$id", "$name", "$municipality", "$email", "$normalized", "$stamp", "$signedIn");
            await using var member = Command(connection, "INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") VALUES ($user, $role)", "$user", "$role");
            for (var i = 0; i < Accounts; i++)
            {
                var id = Guid.NewGuid().ToString();
                var email = $"persoon{i}@example.test";
                Bind(user, id, $"Persoon {i} {surnames[i % surnames.Length]}", municipality, email, email.ToUpperInvariant(), Guid.NewGuid().ToString("N"), DateTime.UtcNow.AddDays(-(i % 90)));
                await user.ExecuteNonQueryAsync();
                Bind(member, id, role);
                await member.ExecuteNonQueryAsync();
                people.Add(id);
            }

            await transaction.CommitAsync();
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var line = Command(connection, """
                INSERT INTO "AuditLog" ("MunicipalityId", "AtUtc", "ActorUserId", "Actor", "Action", "Subject", "Details")
                VALUES ($municipality, $at, $actor, $actorName, $action, $subject, $details)
                """, "$municipality", "$at", "$actor", "$actorName", "$action", "$subject", "$details");
            string[] actions = ["SignedIn", "SignedIn", "SignedIn", "AccountChanged", "SignInFailed", "IndicatorChanged", "TeamChanged"];
            var start = DateTime.UtcNow.AddYears(-3);
            for (var i = 0; i < AuditLines; i++)
            {
                var actor = people[i % people.Count];
                var action = actions[i % actions.Length];
                Bind(line, municipality, start.AddSeconds(i * 90), action == "SignInFailed" ? null : actor, $"Persoon {i % people.Count}", action,
                    $"Persoon {i % people.Count} <persoon{i % people.Count}@example.test>", action == "AccountChanged" ? "Rollen: Medewerker → Medewerker, Teamleider" : "");
                await line.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return (people[0], AuditLines / 2);
    }

    private static Task<Measure> MeasureAsync(HttpClient client, string url, string name) => RequestTimes.P95Async(client, url, name);

    /// <summary>An invitation: checked, the account and its audit line saved, and the e-mail job queued (Hangfire on SQLite); not sent.</summary>
    private static async Task<Measure> InvitationsAsync(HttpClient client)
    {
        var times = new List<double>(Requests);
        for (var i = -20; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/admin/users", new { email = $"nieuw{i + 20}@example.test", displayName = $"Nieuw {i}", roles = new[] { Roles.Raadslid } });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"invitation: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return RequestTimes.Percentile95(times, "invitation queued (account, audit line, e-mail job)", "< 50 ms");
    }

    private static async Task SignInAsync(HttpClient client)
    {
        if (!await RequestTimes.SignInAsync(client, "beheer@example.test", Password))
        {
            throw new InvalidOperationException("Sign-in as the administrator failed.");
        }
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                var value => value,
            };
        }
    }
}
