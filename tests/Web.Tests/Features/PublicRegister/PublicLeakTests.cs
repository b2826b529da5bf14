using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Indicators;
using Governance.Domain.Letters;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.PublicRegister;

/// <summary>
/// Nothing a municipality keeps internal reaches the public side. Every internal field gets a marker (LEK-…): the
/// names and addresses of the people who work in the app, team names, who changed an item, an item kept out of the
/// register, an alderman's comment on a letter sent back, a value's explanation for a period no letter went out for,
/// a letter still in approval. Then every public address is read, as a crawler would: the register's pages (today and
/// as of a past day), every item page, the downloads (CSV, XLSX), the calendar, the change feed, the sitemap, the open
/// data with every item, meeting and decision it links, the sent letters and the follow page.
/// </summary>
public sealed partial class PublicLeakTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task No_public_page_feed_download_or_open_data_shows_anything_kept_internal()
    {
        var secrets = await PlantAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var read = new Dictionary<string, string>(StringComparer.Ordinal);

        async Task<string> ReadAsync(string address)
        {
            if (read.TryGetValue(address, out var known))
            {
                return known;
            }

            using var response = await client.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = response.Content.Headers.ContentType?.MediaType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ? Unzipped(bytes) : Encoding.UTF8.GetString(bytes);
            read[address] = text;
            return text;
        }

        foreach (var day in new[] { "", "op=2025-06-30&" })
        {
            var first = await ReadAsync($"/openbaar/maastricht?{day}pagina=1");
            var pages = int.Parse(PageCount().Match(first) is { Success: true } m ? m.Groups["n"].Value : "1", System.Globalization.CultureInfo.InvariantCulture);
            for (var page = 1; page <= pages; page++)
            {
                foreach (Match link in ItemLink().Matches(await ReadAsync($"/openbaar/maastricht?{day}pagina={page}")))
                {
                    var item = await ReadAsync(WebUtility.HtmlDecode(link.Groups["href"].Value));
                    foreach (Match letter in LetterLink().Matches(item))
                    {
                        await ReadAsync(WebUtility.HtmlDecode(letter.Groups["href"].Value));
                    }
                }
            }
        }

        foreach (var address in new[]
                 {
                     "/openbaar/maastricht/sitemap.xml", "/openbaar/maastricht/moties-en-toezeggingen.csv", "/openbaar/maastricht/moties-en-toezeggingen.xlsx",
                     "/openbaar/maastricht/kalender.ics", "/openbaar/maastricht/wijzigingen.atom", "/openbaar/maastricht/kalender.ics?commissie=Gemeenteraad",
                     "/openbaar/maastricht/wijzigingen.atom?commissie=Gemeenteraad", "/openbaar/maastricht/volgen?nummer=M-2021-047", "/openbaar/vaals",
                     "/openbaar/maastricht/regio", "/openbaar/vaals/regio",
                 })
        {
            await ReadAsync(address);
        }

        string? next = "/api/open/maastricht/informatieobjecten?pageSize=100";
        while (next is not null)
        {
            var page = JsonDocument.Parse(await ReadAsync(new Uri(next, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(next).PathAndQuery : next)).RootElement;
            foreach (var item in page.GetProperty("results").EnumerateArray())
            {
                await ReadAsync(new Uri(item.GetProperty("url").GetString()!).PathAndQuery);
                await ReadAsync(new Uri(item.GetProperty("besluit").GetProperty("url").GetString()!).PathAndQuery);
                await ReadAsync(new Uri(item.GetProperty("vergaderingen")[0].GetProperty("url").GetString()!).PathAndQuery);
            }

            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }

        // The crawl found the items and a sent letter; then nothing internal, anywhere.
        Assert.Contains(read.Keys, a => a.StartsWith("/openbaar/maastricht/M-2021-047", StringComparison.Ordinal));
        Assert.Contains(read.Keys, a => a.Contains("/brieven/", StringComparison.Ordinal));
        Assert.True(read.Count > 30, $"only {read.Count} addresses read");
        var leaks = read.SelectMany(r => secrets.Where(s => r.Value.Contains(s, StringComparison.OrdinalIgnoreCase))
            .Select(s => $"{r.Key}: {s} in …{r.Value[Math.Max(0, r.Value.IndexOf(s, StringComparison.OrdinalIgnoreCase) - 80)..Math.Min(r.Value.Length, r.Value.IndexOf(s, StringComparison.OrdinalIgnoreCase) + 40)]}…")).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    /// <summary>Marks every internal field; returns what must never be read on the public side.</summary>
    private async Task<List<string>> PlantAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Workflows.ReportingCycles.OpenReportingCyclesCommand(MunicipalTime.Today(time)));
        }

        Assert.True(await ActivatorUtilities.CreateInstance<Web.Hosting.Seeding.DemoLetters>(app.Services).MakeSentAndInApprovalAsync(CancellationToken.None));
        // A sent letter names its team's functional contact (onderzoek@…), as the council received it; people's own addresses never show.
        List<string> secrets = ["LEK-", "niet openbaar", "T-2024-031"];
        await using var db = app.Database();
        var waiting = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).SingleAsync(l => l.Status == CouncilLetterStatus.InApproval);
        secrets.Add(waiting.Id.Value.ToString());

        // An alderman sends the letter in approval back with a comment: the comment stays in the cycle's journal.
        foreach (var alderman in new[] { "wethouder.hoenderkamp@maastricht.demo", "wethouder.mackus@maastricht.demo", "wethouder.pas@maastricht.demo" })
        {
            using var client = await app.SignedInClientAsync(alderman);
            using var sentBack = await client.PostAsJsonAsync($"/api/letters/{waiting.Id.Value}/send-back", new { comments = "LEK-COMMENTAAR van de wethouder", version = waiting.Current.Number }, Json);
            if (sentBack.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
        }

        var journal = (await db.ReportingCycles.AsNoTracking().SingleAsync(c => c.Id == waiting.CycleId)).Journal;
        Assert.Contains(journal, j => j.Reason?.StartsWith("LEK-", StringComparison.Ordinal) == true);

        // The civil servants a letter names as its handler (the published copy leaves the name out).
        secrets.AddRange((await db.Teams.IgnoreQueryFilters().Where(t => t.LetterHandledBy != null).Select(t => t.LetterHandledBy!).ToListAsync()).Where(n => n.Length > 3));

        // The people of the app and their teams.
        var people = await db.Users.Where(u => u.AldermanId == null).ToListAsync();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            person.DisplayName = $"LEK-PERSOON-{i}";
        }

        foreach (var (team, i) in (await db.Teams.IgnoreQueryFilters().ToListAsync()).Select((t, i) => (t, i)))
        {
            team.Rename($"LEK-TEAM-{i}");
        }

        // An item kept out of the register, and who changed a public one.
        var hidden = await db.Obligations.SingleAsync(o => o.Reference == "T-2024-031");
        db.Entry(hidden).Property(o => o.Title).CurrentValue = "LEK-TITEL van een interne toezegging";
        db.Entry(hidden).Property(o => o.Text).CurrentValue = "LEK-TEKST van een interne toezegging";
        hidden.Publish(false, DateTime.UtcNow, "LEK-ACTOR");
        var shown = await db.Obligations.SingleAsync(o => o.Reference == "M-2021-047");
        shown.Publish(false, DateTime.UtcNow, "LEK-ACTOR");
        shown.Publish(true, DateTime.UtcNow, "LEK-ACTOR");

        // A value explained for a period no letter has gone out for.
        var open = await db.ReportingCycles.Include(c => c.Tasks).Where(c => c.Status == ReportingCycleStatus.Open).ToListAsync();
        var indicators = await db.Indicators.Include(i => i.Definitions).ToDictionaryAsync(i => i.Id);
        Assert.Contains(open.SelectMany(c => c.Tasks).Where(t => t.Status == IndicatorTaskStatus.Open),
            t => t.Record(indicators[t.IndicatorId].Current, IndicatorValue.OfNumber(12), "LEK-TOELICHTING bij een cijfer", "LEK-BRON", "LEK-PERSOON", DateTime.UtcNow).Succeeded);
        await db.SaveChangesAsync();
        secrets.AddRange(people.Where(p => p.Email is not null).Select(p => p.Email!));
        return secrets;
    }

    private static string Unzipped(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    [GeneratedRegex("href=\"(?<href>/openbaar/maastricht/[A-Z]-[^\"/]+)\"")]
    private static partial Regex ItemLink();

    [GeneratedRegex("href=\"(?<href>/openbaar/maastricht/[^\"]+/brieven/[^\"]+/html)\"")]
    private static partial Regex LetterLink();

    [GeneratedRegex(@"[Pp]agina \d+ van (?<n>\d+)")]
    private static partial Regex PageCount();
}
