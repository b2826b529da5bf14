using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Governance.Web.Tests.Support.AccountFlows;

namespace Governance.Web.Tests.Features.Accounts;

/// <summary>The Beheerder reads who did what: administration actions and sign-ins, filtered and paged, own municipality only.</summary>
public sealed class AuditLogTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task A_failed_sign_in_is_in_the_log_with_the_account_it_tried_and_no_actor()
    {
        Assert.StartsWith("/account/login?error=invalid", await SignInAtAsync(app.Browser(), Emails.For(Roles.Wethouder), "geraden wachtwoord dat niet klopt"));

        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=SignInFailed", Json);

        var line = page.GetProperty("items").EnumerateArray().First();
        Assert.Contains(Emails.For(Roles.Wethouder), line.GetProperty("subject").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("actorUserId").ValueKind);
        Assert.Equal("Hoe: wachtwoord onjuist", line.GetProperty("details").GetString());
    }

    [Fact]
    public async Task The_log_pages_newest_first_without_repeating_a_line_and_shows_only_the_own_municipality()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        await using (var db = app.Database())
        {
            var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Name, m => m.Id);
            var at = DateTime.UtcNow;
            db.AuditLog.AddRange(Enumerable.Range(1, 7).Select(i =>
                new AuditEntry(municipalities["Maastricht"], at.AddSeconds(i), null, "Test", AuditAction.TeamChanged, $"Team {i}", "")));
            db.AuditLog.Add(new AuditEntry(municipalities["Vaals"], at, null, "Test", AuditAction.TeamChanged, "Vaalser team", ""));
            await db.SaveChangesAsync();
        }

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=TeamChanged&pageSize=3{(next is null ? "" : "&before=" + next)}", Json);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("subject").GetString()!));
            next = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (next is not null);

        // Newest first: the seven lines written here, then the demo's own (the teams' letter contacts set), never Vaals'.
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => $"Team {i}"), seen.Take(7));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(seen.Skip(7), subject => Assert.Contains(subject, Governance.Web.Hosting.Seeding.DemoIndicators.TeamLetterContacts.Select(t => t.Team)));
    }

    [Fact]
    public async Task Only_the_administrator_reads_the_log()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Assert.Equal(HttpStatusCode.Forbidden, (await griffie.GetAsync("/api/admin/audit")).StatusCode);
    }
}
