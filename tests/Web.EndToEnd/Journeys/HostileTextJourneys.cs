using System.Collections.Concurrent;
using System.Text.Json;
using Governance.Domain.Indicators;
using Governance.Domain.Letters;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Governance.Workflows.Letters;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>
/// Script planted through every way text gets in (the letter template, a staff member's text value, explanation and
/// source, the drafter's edit, an obligation's title and text) never runs: not on the pages that show it, for the
/// griffie, staff and an alderman, and not in the HTML download opened on its own, without the app's
/// Content-Security-Policy. Every payload calls alert(); a dialog would be a script that ran.
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
        var template = $"{Payloads("template")}\n\n{{% for item in items %}}\n## {{{{ item.name }}}}\n\n{{{{ item.text }}}}\n\n{{{{ item.explanation }}}}\n{{% endfor %}}\n";
        var saved = await griffie.Context.APIRequest.PutAsync("/api/letter-templates/Commitment", new() { DataObject = new { text = template, version = (int?)null } });
        Assert.True(saved.Ok, await saved.TextAsync());
        var obligationId = await RegisterHostileObligationAsync(griffie);

        // A staff member of the commitment's team hands in a text value with script in it; the letter is composed, then edited.
        var letterId = await PlantLetterAsync(Payloads("value"), Payloads("explanation"), Payloads("edit"));

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

        foreach (var email in new[] { "medewerker@maastricht.demo", "wethouder.hoenderkamp@maastricht.demo" })
        {
            var page = await app.NewPageAsync();
            var seen = Watch(page);
            await new LoginPage(page).SignInAsync(email);
            await VisitAsync(page, $"/letters/{letterId}");
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

    /// <summary>The commitment's open cycle completed with a text value, composed as the background job does, and edited by its drafter.</summary>
    private async Task<Guid> PlantLetterAsync(string text, string explanation, string edit)
    {
        using var scope = app.Services.CreateScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var obligation = await db.Obligations.SingleAsync(o => o.Reference == Reference);
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values)
            .SingleAsync(c => c.ObligationId == obligation.Id && c.Status == ReportingCycleStatus.Open);
        var now = DateTime.UtcNow;
        foreach (var task in cycle.Tasks)
        {
            var definition = await db.IndicatorDefinitions.SingleAsync(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion);
            Assert.Equal(IndicatorKind.Narrative, definition.Kind);
            Assert.True(task.Record(definition, IndicatorValue.OfText(text), explanation, "[bron](javascript:alert('source')) <img src=x onerror=alert('source')>", "Medewerker Inkoop", now).Succeeded);
            Assert.True(new IndicatorTaskWorkflow(task).Fire(IndicatorTaskWorkflow.Trigger.Submit).Succeeded);
        }

        var flow = new ReportingCycleWorkflow(cycle, now, "Medewerker Inkoop");
        Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.StartCollecting).Succeeded);
        Assert.True(flow.Fire(ReportingCycleWorkflow.Trigger.Complete).Succeeded);
        await db.SaveChangesAsync();

        var composed = await scope.ServiceProvider.GetRequiredService<LetterComposer>().ComposeAsync(db, cycle.Id, ComposeLetterJob.Actor, CancellationToken.None);
        Assert.True(composed.Succeeded, composed.Error?.Message);
        var letter = await db.CouncilLetters.Include(l => l.Versions).SingleAsync(l => l.Id == composed.Value);
        var current = letter.Current;
        letter.AddVersion(new LetterContent(current.Subject, current.HandledBy, current.Phone, current.Body + "\n\n" + edit + "\n", current.Data), "Bewerkt", "Medewerker Inkoop", now);
        await db.SaveChangesAsync();
        Assert.Contains("edit-js", letter.Current.Body, StringComparison.Ordinal);
        return letter.Id.Value;
    }
}
