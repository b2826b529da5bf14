using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Governance.Domain.Accounts;
using Governance.Domain.Obligations;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Cockpit;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Cockpit;

public class CockpitApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_cockpit_counts_every_obligation_once_and_lists_the_late_steps_of_the_demo()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var cockpit = await client.GetFromJsonAsync<JsonElement>("/api/cockpit", Json);
        var total = cockpit.GetProperty("byStatus").EnumerateObject().Sum(p => p.Value.GetInt32());
        var obligations = await client.GetFromJsonAsync<JsonElement>("/api/obligations?pageSize=1", Json);
        Assert.Equal(obligations.GetProperty("totalCount").GetInt32(), total);
        // The demo reports from the quarter two back from today: some values are late whatever the date.
        Assert.NotEmpty(cockpit.GetProperty("overdueSteps").EnumerateArray());
        var months = cockpit.GetProperty("openAndClosed").EnumerateArray().ToList();
        Assert.Equal(24, months.Count);
        Assert.Equal(cockpit.GetProperty("byStatus").GetProperty("InProgress").GetInt32() + cockpit.GetProperty("byStatus").GetProperty("Registered").GetInt32()
            + cockpit.GetProperty("byStatus").GetProperty("Reported").GetInt32(), months[^1].GetProperty("open").GetInt32());
        Assert.Contains("Gemeenteraad", cockpit.GetProperty("committees").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public Task The_cockpit_agrees_with_the_obligations_and_cycles_counted_one_by_one() => AgreesWithTheRowsAsync(app);

    /// <summary>Every figure of the cockpit against the rows counted one by one; on both providers (their queries differ).</summary>
    internal static async Task AgreesWithTheRowsAsync(GovernanceAppFactory app)
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var cockpit = await client.GetFromJsonAsync<JsonElement>("/api/cockpit", Json);
        var today = DateOnly.Parse(cockpit.GetProperty("today").GetString()!, CultureInfo.InvariantCulture);

        // The same figures from the rows themselves, as a griffie would count them by hand.
        await using var db = app.Database();
        var municipality = (await db.Users.SingleAsync(u => u.Email == Emails.For(Roles.Griffie))).MunicipalityId;
        var obligations = await db.Obligations.Where(o => o.MunicipalityId == municipality).ToListAsync();
        var cycles = await db.ReportingCycles.Where(c => c.MunicipalityId == municipality && !c.IsImported
                                                          && c.Status != ReportingCycleStatus.Sent && c.Status != ReportingCycleStatus.Closed && c.Status != ReportingCycleStatus.Cancelled).ToListAsync();
        var names = await db.Aldermen.ToDictionaryAsync(a => a.Id, a => a.Name);
        DateOnly? Date(Obligation o) => o.Cadence == Cadence.Once ? o.DueDate : o.EndDate;
        var lateObligations = obligations.Where(o => o.Status is ObligationStatus.Registered or ObligationStatus.InProgress && Date(o) < today).ToList();
        var deadline = cycles.ToDictionary(c => c.Id, c => ReportingCycleWorkflow.DeadlineOf(c.Status, c.Deadlines));
        var lateSteps = cycles.Where(c => deadline[c.Id] < today).ToList();
        var soon = cycles.Where(c => deadline[c.Id] >= today && deadline[c.Id] <= today.AddDays(30)).ToList();
        var atRisk = cycles.Where(c => c.Status is ReportingCycleStatus.Open or ReportingCycleStatus.Collecting && c.NextTimer != CycleTimer.FirstReminder
                                       && c.OutstandingValues > 0 && deadline[c.Id] >= today).ToList();
        var late = lateObligations.Select(o => o.Id).Concat(lateSteps.Select(c => c.ObligationId)).ToHashSet();
        var open = obligations.Where(o => o.Status is ObligationStatus.Registered or ObligationStatus.InProgress or ObligationStatus.Reported).ToList();
        Assert.NotEmpty(lateSteps);
        Assert.NotEmpty(open);

        var totals = cockpit.GetProperty("totals");
        Assert.Equal(
            (lateObligations.Count, lateSteps.Count, soon.Count, atRisk.Count),
            (totals.GetProperty("overdueObligations").GetInt32(), totals.GetProperty("overdueSteps").GetInt32(), totals.GetProperty("dueSoon").GetInt32(), totals.GetProperty("atRisk").GetInt32()));
        Assert.Equal(
            lateSteps.OrderBy(c => deadline[c.Id]).Take(GetCockpitHandler.ListLimit).Select(c => deadline[c.Id]),
            cockpit.GetProperty("overdueSteps").EnumerateArray().Select(s => DateOnly.Parse(s.GetProperty("deadline").GetString()!, CultureInfo.InvariantCulture)));
        Assert.Equal(
            open.GroupBy(o => o.Meeting.Body).Select(g => (g.Key, g.Count(), g.Count(o => late.Contains(o.Id)))).OrderBy(c => c.Key),
            cockpit.GetProperty("perCommittee").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("open").GetInt32(), c.GetProperty("overdue").GetInt32())).OrderBy(c => c.Item1));
        Assert.Equal(
            open.SelectMany(o => o.ResponsibleAldermen.Select(a => (Name: names[a], o.Id))).GroupBy(a => a.Name)
                .Select(g => (g.Key, g.Count(), g.Count(a => late.Contains(a.Id)))).OrderBy(c => c.Key),
            cockpit.GetProperty("perAlderman").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("open").GetInt32(), c.GetProperty("overdue").GetInt32())).OrderBy(c => c.Item1));
        Assert.Equal(
            obligations.Where(o => o.Status == ObligationStatus.Reported).Select(o => o.Reference).Order(StringComparer.Ordinal),
            cockpit.GetProperty("awaitingCouncil").EnumerateArray().Select(o => o.GetProperty("reference").GetString()!));
    }

    [Theory]
    [InlineData(Roles.Medewerker)]
    [InlineData(Roles.Raadslid)]
    [InlineData(Roles.Wethouder)]
    public async Task Only_the_griffie_has_the_cockpit(string role)
    {
        using var client = await app.SignedInClientAsync(Emails.For(role));
        using var response = await client.GetAsync("/api/cockpit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_list_as_CSV_opens_in_Dutch_Excel_with_one_line_per_open_item()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var response = await client.GetAsync("/api/obligations/list?committee=Gemeenteraad&format=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Nummer;Soort;Titel;Datum;Wethouder(s);Status;Termijn;Laatste rapportage", lines[0]);
        Assert.True(lines.Count > 1);
        Assert.All(lines.Skip(1), l => Assert.Equal(8, l.Split(';').Length));

        // Dates as in the Word file ("13 juli 2021"), and a recurring item says which report is late and since when.
        var poverty = lines.Single(l => l.StartsWith("M-2021-047;", StringComparison.Ordinal)).Split(';');
        Assert.Equal("13 juli 2021", poverty[3]);
        Assert.Matches(@"^\""?halfjaarlijks, tot 31 december 2030, rapportage 1e halfjaar 2026 te laat \(uiterlijk \d+ \w+ 2026\)\""?$", poverty[6]);
    }

    [Fact]
    public async Task The_list_as_DOCX_is_a_valid_Word_document_with_the_items()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var response = await client.GetAsync("/api/obligations/list?committee=Gemeenteraad&meetingDate=2026-12-15");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lijst-toezeggingen-en-moties-gemeenteraad-2026-12-15.docx", response.Content.Headers.ContentDisposition!.ToString());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Lijst van toezeggingen en moties", text);
        Assert.Contains("Gemeenteraad, vergadering van 15 december 2026", text);
        Assert.Contains("13 juli 2021", text);
        Assert.Contains("te laat", text);

        // Without a meeting, the list says it is the state of today, not a meeting on today's date.
        using var undated = await client.GetAsync("/api/obligations/list?committee=Gemeenteraad");
        using var undatedStream = new MemoryStream(await undated.Content.ReadAsByteArrayAsync());
        using var undatedDocument = WordprocessingDocument.Open(undatedStream, false);
        var heading = undatedDocument.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Gemeenteraad, stand van ", heading);
        Assert.DoesNotContain("vergadering van", heading);
    }

    [Fact]
    public async Task A_title_written_as_a_formula_or_with_a_NUL_is_exported_inert_and_the_docx_still_opens()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var reference = (await CsvLines(client))[1].Split(';')[0];
        await using (var db = app.Database())
        {
            // Older or imported text: the API refuses a NUL now, the exports must hold against it anyway.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Obligations\" SET \"Title\" = {0} WHERE \"Reference\" = {1}", "=HYPERLINK(\"https://evil.example\",\"klik\")\u0000\u0001 einde", reference);
        }

        var line = (await CsvLines(client)).Single(l => l.StartsWith(reference + ";", StringComparison.Ordinal));
        Assert.Contains(";\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"klik\"\")", line);

        using var response = await client.GetAsync("/api/obligations/list?committee=Gemeenteraad");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Contains("=HYPERLINK(\"https://evil.example\",\"klik\") einde", document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 43 350", "'+31 43 350")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Wmo; jeugd", "\"Wmo; jeugd\"")]
    [InlineData("Gewoon", "Gewoon")]
    public void A_csv_field_is_never_read_as_a_formula(string value, string field) =>
        Assert.Equal(field, Governance.Web.Components.Shared.CsvText.Field(value));

    private static async Task<List<string>> CsvLines(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync("/api/obligations/list?committee=Gemeenteraad&format=Csv");
        return [.. Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
    }

    [Fact]
    public async Task The_list_without_a_committee_is_a_400_naming_the_field()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        using var response = await client.GetAsync("/api/obligations/list?format=Csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty("committee", out _));
    }
}

/// <summary>The cockpit's figures on PostgreSQL, whose query for the late obligations is its own.</summary>
public class CockpitPostgresTests(OpenedCyclesPostgresApp app) : IClassFixture<OpenedCyclesPostgresApp>
{
    [Fact]
    public Task The_cockpit_agrees_with_the_obligations_and_cycles_counted_one_by_one_on_PostgreSQL() => CockpitApiTests.AgreesWithTheRowsAsync(app);
}
