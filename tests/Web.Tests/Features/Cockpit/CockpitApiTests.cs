using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;

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
