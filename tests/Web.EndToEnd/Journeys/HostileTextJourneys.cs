using System.Collections.Concurrent;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>
/// Script planted through every way text gets in, each through the API as its author would (the griffie's letter
/// template and an obligation's title and text; a staff member's text value, explanation and source, and the
/// drafter's edit of the letter) never runs: not on the pages that show it (the letter for its drafter, the griffie
/// and staff, the approval view of the responsible alderman, the template preview, the obligation, the list and the
/// cockpit), and not in the HTML download opened on its own, without the app's Content-Security-Policy. Every
/// payload calls alert(); a dialog would be a script that ran.
/// </summary>
[Collection(AppCollection.Name)]
public class HostileTextJourneys(AppFixture app)
{
    private const string Reference = "T-2025-118";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Payloads(string where) =>
        $"[link {where}](javascript:alert('{where}-js')) [data {where}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) " +
        $"[vb {where}](vbscript:msgbox('{where}')) ![beeld {where}](javascript:alert('{where}-img')) " +
        $"![svg {where}](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=) " +
        $"<script>alert('{where}-script')</script> <img src=x onerror=\"alert('{where}-onerror')\"> <svg onload=\"alert('{where}-svg')\"></svg> " +
        $"<a href=\"javascript:alert('{where}-a')\">a {where}</a> <javascript:alert('{where}-autolink')>";

    [Fact]
    public async Task Script_planted_through_every_way_in_runs_on_no_page_and_in_no_download()
    {
        var griffie = await app.NewPageAsync();
        var dialogs = Watch(griffie);
        await new LoginPage(griffie).SignInAsync("griffie@maastricht.demo");

        // The template, through the API as the griffie saves it; then an obligation with script in its title and text.
        var template = $"{Payloads("template")}\n\n{{{{ obligation.title }}}}: {{{{ obligation.description }}}}\n\n{{% for item in items %}}\n## {{{{ item.name }}}}\n\n{{{{ item.text }}}}\n\n{{{{ item.explanation }}}}\n{{% endfor %}}\n";
        var saved = await griffie.Context.APIRequest.PutAsync("/api/letter-templates/Commitment", new() { DataObject = new { text = template, version = (int?)null } });
        Assert.True(saved.Ok, await saved.TextAsync());
        var obligationId = await RegisterHostileObligationAsync(griffie);

        // A staff member of the commitment's team hands in a text value with script in it, composes the letter, edits it
        // and offers it for approval: every step through the API, as the entry form and the letter page do.
        var staff = await app.NewPageAsync();
        var staffDialogs = Watch(staff);
        await new LoginPage(staff).SignInAsync(await CreateStaffOfTheCommitmentsTeamAsync());
        var letterId = await ReportAndDraftAsync(staff.Context.APIRequest);
        await VisitAsync(staff, $"/letters/{letterId}");
        Assert.Empty(staffDialogs);
        await app.CloseAsync(staff);

        foreach (var path in new[] { $"/letters/{letterId}", "/admin/templates", $"/obligations/{obligationId}", "/obligations?search=XSS", "/cockpit" })
        {
            await VisitAsync(griffie, path);
        }

        var html = await griffie.Context.APIRequest.GetAsync($"/api/letters/{letterId}/html");
        Assert.True(html.Ok, html.StatusText);
        Assert.Contains("sandbox", html.Headers["content-security-policy"], StringComparison.Ordinal);
        var download = await app.NewPageAsync();
        var downloadDialogs = Watch(download);
        await download.SetContentAsync(await html.TextAsync());
        await AssertInertAsync(download, downloadDialogs);
        await app.CloseAsync(download);
        Assert.Empty(dialogs);
        await app.CloseAsync(griffie);

        // The alderman responsible for the commitment sees it in the approval view; another role reads the letter.
        foreach (var (email, path) in new[] { ("wethouder.mackus@maastricht.demo", "/approvals"), ("medewerker@maastricht.demo", $"/letters/{letterId}") })
        {
            var page = await app.NewPageAsync();
            var seen = Watch(page);
            await new LoginPage(page).SignInAsync(email);
            await VisitAsync(page, path);
            if (path == "/approvals")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Bekijken: Informeren over de Beschikbaarheidswijzer jeugdhulp, 15 december 2026" }).ClickAsync();
                await Assertions.Expect(page.Locator(".letter-preview").Last).ToContainTextAsync("link edit");
                await AssertInertAsync(page, seen);
            }

            await VisitAsync(page, $"/obligations/{obligationId}");
            Assert.Empty(seen);
            await app.CloseAsync(page);
        }
    }

    private static ConcurrentQueue<string> Watch(IPage page)
    {
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        return dialogs;
    }

    private static async Task VisitAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await new Shell(page).WaitForCircuitAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await AssertInertAsync(page, []);
    }

    /// <summary>No script element or event handler from the payloads in the document, no link or image to a script or data URL, and no dialog.</summary>
    private static async Task AssertInertAsync(IPage page, ConcurrentQueue<string> dialogs)
    {
        var planted = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('*')].flatMap(e => {
                const found = [];
                if (e.tagName === 'SCRIPT' && e.textContent.includes('alert')) found.push('script: ' + e.textContent);
                for (const a of e.attributes) {
                    if (a.name.startsWith('on')) found.push(e.tagName + ' ' + a.name + '=' + a.value);
                    if ((a.name === 'href' || a.name === 'src') && /^\s*(javascript|vbscript|data):/i.test(a.value)) found.push(e.tagName + ' ' + a.name + '=' + a.value);
                }
                return found;
            })
            """);
        Assert.True(planted.Length == 0, $"{page.Url}: {string.Join(" | ", planted)}");
        await page.WaitForTimeoutAsync(300);
        Assert.True(dialogs.IsEmpty, $"{page.Url}: a script ran: {string.Join(" | ", dialogs)}");
    }

    private static async Task<Guid> RegisterHostileObligationAsync(IPage griffie)
    {
        var aldermen = JsonDocument.Parse(await (await griffie.Context.APIRequest.GetAsync("/api/obligations/aldermen")).TextAsync()).RootElement;
        var indicators = JsonDocument.Parse(await (await griffie.Context.APIRequest.GetAsync("/api/indicators?search=WMO-")).TextAsync()).RootElement;
        var created = await griffie.Context.APIRequest.PostAsync("/api/obligations", new()
        {
            DataObject = new
            {
                kind = "Commitment",
                reference = "T-2026-666",
                title = "XSS <img src=x onerror=\"alert('title')\"> [titel](javascript:alert('title-link'))",
                text = Payloads("obligation-text"),
                adoptedOn = "2026-11-11",
                meetingBody = "Gemeenteraad",
                meetingDate = "2026-11-11",
                aldermanIds = new[] { aldermen[0].GetProperty("id").GetGuid() },
                policyArea = "Wmo",
                cadence = "Quarterly",
                endDate = "2027-12-31",
                indicators = new[] { new { indicatorId = indicators.GetProperty("items")[0].GetProperty("id").GetGuid(), label = "a" } },
            },
        });
        Assert.True(created.Ok, await created.TextAsync());
        return JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A staff member of the team that reports on the commitment, as the beheerder would add one.</summary>
    private async Task<string> CreateStaffOfTheCommitmentsTeamAsync()
    {
        const string email = "inkoop@maastricht.demo";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var obligation = await db.Obligations.SingleAsync(o => o.Reference == Reference);
        var team = await db.ReportingCycles.Where(c => c.ObligationId == obligation.Id).SelectMany(c => c.Tasks).Select(t => t.TeamId).FirstAsync();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Iris Inkoop", MunicipalityId = obligation.MunicipalityId, TeamId = team };
        Assert.True((await users.CreateAsync(user, Hosting.Seeding.DemoUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Medewerker)).Succeeded);
        return email;
    }

    /// <summary>The commitment's text value with its explanation and source, the composed letter, the drafter's edit, offered for approval.</summary>
    private static async Task<Guid> ReportAndDraftAsync(IAPIRequestContext api)
    {
        var cycles = await JsonAsync(await api.GetAsync("/api/cycles?status=Open&pageSize=100"));
        var cycleId = cycles.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == Reference).GetProperty("id").GetGuid();
        var cycle = await JsonAsync(await api.GetAsync($"/api/cycles/{cycleId}"));
        var task = cycle.GetProperty("tasks")[0].GetProperty("id").GetGuid();
        await JsonAsync(await api.PostAsync($"/api/cycles/{cycleId}/tasks/{task}/values", new()
        {
            DataObject = new
            {
                text = Payloads("value"),
                explanation = Payloads("explanation"),
                source = "[bron](javascript:alert('source')) <img src=x onerror=alert('source')>",
                version = cycle.GetProperty("version").GetInt32(),
            },
        }));

        var letterId = (await JsonAsync(await api.PostAsync($"/api/cycles/{cycleId}/letter"))).GetProperty("id").GetGuid();
        var letter = await JsonAsync(await api.GetAsync($"/api/letters/{letterId}"));
        var current = letter.GetProperty("current");
        var edited = await JsonAsync(await api.PutAsync($"/api/letters/{letterId}", new()
        {
            DataObject = new
            {
                subject = current.GetProperty("subject").GetString(),
                handledBy = current.GetProperty("handledBy").GetString(),
                phone = current.GetProperty("phone").GetString(),
                body = current.GetProperty("body").GetString() + "\n\n" + Payloads("edit") + "\n",
                version = letter.GetProperty("version").GetInt32(),
            },
        }));
        await JsonAsync(await api.PostAsync($"/api/letters/{letterId}/submit", new() { DataObject = new { version = edited.GetProperty("version").GetInt32() } }));
        return letterId;
    }

    private static async Task<JsonElement> JsonAsync(IAPIResponse response)
    {
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{response.Url}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
