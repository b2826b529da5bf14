using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Obligations;
using Governance.Web.Features.PublicRegister;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.PublicRegister;

/// <summary>
/// The public register, read as a resident reads it: no sign-in, plain server-rendered HTML, the municipality in the
/// address; only what the griffie keeps public, never who did what inside the municipality.
/// </summary>
public sealed class PublicRegisterTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Anyone_reads_the_register_of_a_municipality_without_signing_in()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/openbaar/maastricht");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Moties en toezeggingen · Gemeente Maastricht</title>", html);
        Assert.Contains("Halveren aantal kinderen in armoede 2030", html);
        Assert.Contains("Informeren over de Beschikbaarheidswijzer jeugdhulp", html);
        Assert.Contains("href=\"/openbaar/maastricht/M-2021-047\"", html);
        // Another municipality's items are not in it, and its own register has them.
        Assert.DoesNotContain("Evaluatie mantelzorgondersteuning Vaals", html);
        Assert.Contains("Evaluatie mantelzorgondersteuning Vaals", await client.GetStringAsync("/openbaar/vaals"));
    }

    [Fact]
    public async Task A_page_of_the_register_is_the_same_for_everyone_sets_no_cookie_and_answers_304_to_its_ETag()
    {
        using var client = Anonymous();
        using var first = await client.GetAsync("/openbaar/maastricht?jaar=2021");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("<script", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/openbaar/maastricht?jaar=2021");
        again.Headers.IfNoneMatch.Add(etag);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        // A signed-in person is never answered from the cache.
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var own = new HttpRequestMessage(HttpMethod.Get, "/openbaar/maastricht?jaar=2021");
        own.Headers.IfNoneMatch.Add(etag);
        using var live = await griffie.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Null(live.Headers.ETag);
    }

    [Fact]
    public async Task Search_and_filters_come_from_the_address_and_ignore_accents_and_case()
    {
        using var client = Anonymous();
        var commitments = await client.GetStringAsync("/openbaar/maastricht?soort=Commitment");
        Assert.Contains("Periodiek inzicht in de dashboards sociaal domein", commitments);
        Assert.DoesNotContain("Wachtlijsten Jeugdhulp", commitments);
        Assert.Contains("2 moties en toezeggingen gevonden", commitments);

        var searched = await client.GetStringAsync("/openbaar/maastricht?q=J%C3%8BUGDHULP");
        Assert.Contains("Wachtlijsten Jeugdhulp", searched);
        Assert.DoesNotContain("Doorlooptijden Wmo", searched);

        var year = await client.GetStringAsync("/openbaar/maastricht?jaar=2021&commissie=Gemeenteraad");
        Assert.Contains("1 motie of toezegging gevonden", year);
        Assert.Contains("Halveren aantal kinderen in armoede 2030", year);

        // What cannot be read is left out, not refused.
        using var odd = await client.GetAsync("/openbaar/maastricht?status=Onzin&jaar=abc&wethouder=x&pagina=-4");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }

    [Fact]
    public async Task An_item_shows_its_text_meeting_aldermen_and_history_without_the_people_who_kept_it()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/openbaar/maastricht/M-2021-047");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Halveren aantal kinderen in armoede 2030</h1>", html);
        Assert.Contains("<link rel=\"canonical\" href=\"/openbaar/maastricht/M-2021-047\" />", html);
        await using var db = app.Database();
        var motion = await db.Obligations.SingleAsync(o => o.Reference == "M-2021-047");
        Assert.Contains(WebUtility.HtmlEncode(motion.Text).Split('\n')[0].Trim(), html);
        var aldermen = motion.ResponsibleAldermen.ToList();
        foreach (var alderman in await db.Aldermen.IgnoreQueryFilters().Where(a => aldermen.Contains(a.Id)).ToListAsync())
        {
            Assert.Contains(alderman.Name, html);
        }

        Assert.Contains("Geregistreerd", html);
        // Who registered or changed it inside the municipality never shows: not the demo's set-up, not a person of the griffie.
        foreach (var actor in motion.History.Select(h => h.Actor).Distinct())
        {
            Assert.DoesNotContain(actor, html);
        }

        foreach (var person in await db.Users.Where(u => u.AldermanId == null).Select(u => u.DisplayName).ToListAsync())
        {
            Assert.DoesNotContain(person, html);
        }
    }

    [Fact]
    public async Task The_griffie_keeps_an_item_out_of_the_register_and_then_it_is_not_found_there()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        await using var db = app.Database();
        var commitment = await db.Obligations.AsNoTracking().SingleAsync(o => o.Reference == "T-2025-118");

        using var hidden = await griffie.PutAsJsonAsync($"/api/obligations/{commitment.Id.Value}/visibility", new { isPublic = false, version = commitment.Version }, Json);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);

        using var client = Anonymous();
        Assert.DoesNotContain("Informeren over de Beschikbaarheidswijzer jeugdhulp", await client.GetStringAsync("/openbaar/maastricht"));
        using var item = await client.GetAsync("/openbaar/maastricht/T-2025-118");
        Assert.Equal(HttpStatusCode.NotFound, item.StatusCode);
        var notFound = await item.Content.ReadAsStringAsync();
        Assert.Contains("Op dit adres staat geen openbare motie of toezegging en geen register.", notFound);
        Assert.Contains("href=\"/openbaar/maastricht\"", notFound);
        await using var after = app.Database();
        var stored = await after.Obligations.AsNoTracking().SingleAsync(o => o.Reference == "T-2025-118");
        Assert.False(stored.IsPublic);
        Assert.Equal(Obligation.VisibilityChanged, stored.History[^1].What);

        // A stale version changes nothing.
        using var stale = await griffie.PutAsJsonAsync($"/api/obligations/{commitment.Id.Value}/visibility", new { isPublic = true, version = commitment.Version }, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var shown = await griffie.PutAsJsonAsync($"/api/obligations/{commitment.Id.Value}/visibility", new { isPublic = true, version = stored.Version }, Json);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openbaar/maastricht/T-2025-118")).StatusCode);

        // Staff may read obligations but not decide what is public.
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using var refused = await staff.PutAsJsonAsync($"/api/obligations/{commitment.Id.Value}/visibility", new { isPublic = false, version = stored.Version + 1 }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Another_municipalitys_number_and_an_unknown_municipality_answer_not_found()
    {
        using var client = Anonymous();
        using var other = await client.GetAsync("/openbaar/maastricht/T-2025-004");
        Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{other.StatusCode} {other.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openbaar/vaals/T-2025-004")).StatusCode);
        using var unknown = await client.GetAsync("/openbaar/atlantis");
        Assert.True(unknown.StatusCode == HttpStatusCode.NotFound, $"{unknown.StatusCode} {unknown.Headers.Location}");
        Assert.Contains("<h1>Niet gevonden</h1>", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sent_letter_is_published_with_its_item_as_HTML_and_PDF_and_a_letter_not_yet_sent_is_not()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Workflows.ReportingCycles.OpenReportingCyclesCommand(Domain.Planning.MunicipalTime.Today(time)));
        }

        Assert.True(await ActivatorUtilities.CreateInstance<Governance.Web.Hosting.Seeding.DemoLetters>(app.Services).MakeSentAndInApprovalAsync(CancellationToken.None));
        await using var db = app.Database();
        var letters = await db.CouncilLetters.AsNoTracking().OrderBy(l => l.Status).ToListAsync();
        var sent = Assert.Single(letters, l => l.Status == Domain.Letters.CouncilLetterStatus.Sent);
        var waiting = Assert.Single(letters, l => l.Status == Domain.Letters.CouncilLetterStatus.InApproval);

        using var client = Anonymous();
        var item = await client.GetStringAsync("/openbaar/maastricht/M-2014-083");
        Assert.Contains($"href=\"/openbaar/maastricht/M-2014-083/brieven/{sent.Id.Value}/pdf\"", item);
        Assert.Contains(sent.Reference!, item);
        Assert.DoesNotContain(waiting.Id.Value.ToString(), item);

        // The figures the sent letter reported, per indicator, as a chart with its table; the letter in approval adds no period.
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Tasks).SingleAsync(c => c.Id == sent.CycleId);
        var other = await db.ReportingCycles.AsNoTracking().SingleAsync(c => c.Id == waiting.CycleId);
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        Assert.Contains("<h2>Cijfers</h2>", item);
        Assert.Contains($"<th scope=\"row\">{cycle.Period.Display(nl)}</th>", item);
        if (other.Period != cycle.Period)
        {
            Assert.DoesNotContain($"<th scope=\"row\">{other.Period.Display(nl)}</th>", item);
        }

        var histories = await Workflows.ReportingCycles.IndicatorHistory.LoadManyAsync(db, [.. cycle.Tasks.Select(t => t.IndicatorId)], CancellationToken.None, [cycle.Period]);
        var reported = histories.Values.Select(h => Workflows.ReportingCycles.IndicatorHistory.For(h, cycle.Period)?.Value.Number).OfType<decimal>().First();
        Assert.Matches($"<td>{System.Text.RegularExpressions.Regex.Escape(reported.ToString("N0", nl))}[^<]*</td>", item);

        using var pdf = await client.GetAsync($"/openbaar/maastricht/M-2014-083/brieven/{sent.Id.Value}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4));
        using var html = await client.GetAsync($"/openbaar/maastricht/M-2014-083/brieven/{sent.Id.Value}/html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single());
        var published = await html.Content.ReadAsStringAsync();
        Assert.Contains(sent.Reference!, published);
        // The civil servant who handled it is not named in the published copy; the functional contact stays.
        Assert.Contains("<th scope=\"row\">Behandeld door</th><td>(naam weggelaten)</td>", published);
        var version = (await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).SingleAsync(l => l.Id == sent.Id)).Versions.Single(v => v.Number == sent.FinalisedVersion);
        Assert.DoesNotContain(version.HandledBy, published);

        // Not yet sent, not the Word file, not under another item or municipality.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/openbaar/maastricht/M-2014-083/brieven/{waiting.Id.Value}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/openbaar/maastricht/M-2014-083/brieven/{sent.Id.Value}/docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/openbaar/maastricht/M-2021-047/brieven/{sent.Id.Value}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/openbaar/vaals/M-2014-083/brieven/{sent.Id.Value}/pdf")).StatusCode);
    }

    [Fact]
    public async Task Everything_public_downloads_as_CSV_for_a_spreadsheet()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/openbaar/maastricht/moties-en-toezeggingen.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nummer;Soort;Titel;Aangenomen of toegezegd;Vergadering;Wethouder(s);Status;Uiterste datum;Over de termijn;Adres", lines[0]);
        await using var db = app.Database();
        var maastricht = await db.Municipalities.SingleAsync(m => m.Name == "Maastricht");
        var expected = await db.Obligations.IgnoreQueryFilters().Where(o => o.MunicipalityId == maastricht.Id && o.IsPublic).OrderBy(o => o.Reference).Select(o => o.Reference).ToListAsync();
        Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(';')[0]));
        var motion = Assert.Single(lines, l => l.StartsWith("M-2021-047;", StringComparison.Ordinal));
        Assert.Contains(";Motie;Halveren aantal kinderen in armoede 2030;2021-07-13;Gemeenteraad;", motion);
        Assert.EndsWith("/openbaar/maastricht/M-2021-047", motion);
    }

    [Fact]
    public async Task The_same_download_as_XLSX_opens_in_an_independent_reader_with_real_dates_and_a_filter()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/openbaar/maastricht/moties-en-toezeggingen.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("moties-en-toezeggingen-maastricht.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var csv = System.Text.Encoding.UTF8.GetString((await client.GetByteArrayAsync("/openbaar/maastricht/moties-en-toezeggingen.csv"))[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // openpyxl (Debian's python3-openpyxl, installed by scripts/test.sh) reads each row back, dates as dates.
        var rows = await Python.RunAsync(Convert.ToBase64String(await response.Content.ReadAsByteArrayAsync()), """
            import sys, base64, io, datetime, openpyxl
            book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(sys.stdin.read())))
            sheet = book.active
            print("sheet|%s|filter %s|frozen %s" % (sheet.title, sheet.auto_filter.ref, sheet.freeze_panes))
            for row in sheet.iter_rows(values_only=True):
                print(";".join("" if v is None else v.strftime("%Y-%m-%d") if isinstance(v, datetime.datetime) else str(v) for v in row))
            """);
        Assert.Equal($"sheet|Moties en toezeggingen|filter A1:J{csv.Length}|frozen A2", rows[0]);
        // The same lines as the CSV (whose fields are quoted only where they hold a separator or quote).
        Assert.Equal(csv.Length, rows.Count - 1);
        Assert.Equal(csv[0], rows[1]);
        var motion = Assert.Single(rows, l => l.StartsWith("M-2021-047;", StringComparison.Ordinal));
        Assert.Contains(";Motie;Halveren aantal kinderen in armoede 2030;2021-07-13;Gemeenteraad;", motion);
        Assert.Equal(Assert.Single(csv, l => l.StartsWith("M-2021-047;", StringComparison.Ordinal)), motion);
    }

    [Fact]
    public async Task The_calendar_feed_reads_back_in_an_independent_parser_with_every_open_deadline_and_the_council_dates()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/openbaar/maastricht/kalender.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        // Python's icalendar (Debian's python3-icalendar, installed by scripts/test.sh) reads it: every event as "date|summary|url".
        var events = await ParseWithPythonAsync(ics);
        await using var db = app.Database();
        var maastricht = await db.Municipalities.SingleAsync(m => m.Name == "Maastricht");
        var open = await db.Obligations.IgnoreQueryFilters()
            .Where(o => o.MunicipalityId == maastricht.Id && o.IsPublic && (o.Status == ObligationStatus.Registered || o.Status == ObligationStatus.InProgress))
            .ToListAsync();
        foreach (var obligation in open.Where(o => (o.Cadence == Cadence.Once ? o.DueDate : o.EndDate) is not null))
        {
            var deadline = (obligation.Cadence == Cadence.Once ? obligation.DueDate : obligation.EndDate)!.Value;
            Assert.Contains($"{deadline:yyyy-MM-dd}|Uiterste datum {obligation.Reference}: {obligation.Title}|http://localhost/openbaar/maastricht/{obligation.Reference}", events);
        }

        var year = await db.PlanningYears.IgnoreQueryFilters().Where(y => y.MunicipalityId == maastricht.Id).OrderBy(y => y.Year).FirstAsync();
        Assert.Contains($"{year.CouncilMeetings[0]:yyyy-MM-dd}|Raadsvergadering|", events);
        Assert.Contains($"{year.AnnualAccounts!.Value:yyyy-MM-dd}|In de raad: jaarrekening {year.Year}|", events);
        Assert.DoesNotContain(events, e => e.Contains("T-2025-004", StringComparison.Ordinal));

        // One committee's calendar: its items, no council meetings.
        var committee = await ParseWithPythonAsync(await client.GetStringAsync("/openbaar/maastricht/kalender.ics?commissie=Domeinvergadering%20Sociaal"));
        Assert.DoesNotContain(committee, e => e.Contains("|Raadsvergadering|", StringComparison.Ordinal) || e.Contains("M-2021-047", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openbaar/atlantis/kalender.ics")).StatusCode);
    }

    [Fact]
    public async Task The_change_feed_reads_back_in_an_independent_feed_parser_without_the_people_who_made_the_changes()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/openbaar/maastricht/wijzigingen.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var atom = await response.Content.ReadAsStringAsync();

        // feedparser (Debian's python3-feedparser, installed by scripts/test.sh): the feed is well formed and each entry reads as "title|link".
        var lines = await Python.RunAsync(atom, """
            import sys, feedparser
            feed = feedparser.parse(sys.stdin.buffer.read())
            assert not feed.bozo, feed.get("bozo_exception")
            assert feed.version == "atom10", feed.version
            print(feed.feed.title)
            for entry in feed.entries:
                assert entry.id and entry.updated_parsed
                print("%s|%s" % (entry.title, entry.link))
            """);
        Assert.Equal("Moties en toezeggingen · Gemeente Maastricht", lines[0]);
        Assert.Contains("Nieuw: M-2021-047 Halveren aantal kinderen in armoede 2030|http://localhost/openbaar/maastricht/M-2021-047", lines);
        Assert.Contains("M-2021-047 Halveren aantal kinderen in armoede 2030: geregistreerd → in uitvoering|http://localhost/openbaar/maastricht/M-2021-047", lines);
        Assert.DoesNotContain(lines, l => l.Contains("T-2025-004", StringComparison.Ordinal));
        Assert.DoesNotContain(Governance.Web.Hosting.Seeding.DemoData.Actor, atom);

        var committee = await Python.RunAsync(await client.GetStringAsync("/openbaar/maastricht/wijzigingen.atom?commissie=Gemeenteraad"), """
            import sys, feedparser
            for entry in feedparser.parse(sys.stdin.buffer.read()).entries:
                print(entry.link)
            """);
        Assert.All(committee, link => Assert.StartsWith("http://localhost/openbaar/maastricht/M-", link));
    }

    private static Task<List<string>> ParseWithPythonAsync(string ics) => Python.RunAsync(ics, """
        import sys, icalendar
        calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        for event in calendar.walk("VEVENT"):
            print("%s|%s|%s" % (event.decoded("DTSTART").isoformat(), event.get("SUMMARY"), event.get("URL") or ""))
        """);

    [Fact]
    public async Task The_sitemap_lists_the_register_and_every_public_item_at_the_address_it_was_asked_on()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync("/openbaar/maastricht/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var sitemap = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        var origin = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Contains(origin + "/openbaar/maastricht", locations);
        Assert.Contains(origin + "/openbaar/maastricht/M-2014-083", locations);
        Assert.DoesNotContain(locations, l => l.EndsWith("T-2025-004", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openbaar/atlantis/sitemap.xml")).StatusCode);
    }

    [Theory]
    [InlineData("Maastricht", "maastricht")]
    [InlineData("Valkenburg aan de Geul", "valkenburg-aan-de-geul")]
    [InlineData("Súdwest-Fryslân", "sudwest-fryslan")]
    [InlineData("'s-Hertogenbosch", "s-hertogenbosch")]
    public void A_municipality_is_addressed_by_its_name_in_plain_letters(string name, string slug) => Assert.Equal(slug, RegisterSlug.Of(name));
}
