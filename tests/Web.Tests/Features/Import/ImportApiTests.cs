using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Import;

/// <summary>Importing a cycle's values from CSV or XLSX: a preview per line, then all or nothing; any error stores nothing.</summary>
public class ImportApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string Csv = "text/csv";

    private async Task<(HttpClient Client, Guid Cycle)> StaffAsync()
    {
        var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, _, _) = await CycleApi.OpenTask(client, "T-2024-031", "SD-INWONERS");
        return (client, cycle);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid cycle, byte[] content, string type, bool dryRun, string query = "")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await client.PostAsync($"/api/cycles/{cycle}/import?dryRun={dryRun}{query}", body);
    }

    private async Task<int> StoredAsync()
    {
        await using var db = app.Database();
        return await db.RecordedValues.CountAsync();
    }

    private static byte[] Utf8(string text, bool bom = false) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task The_template_lists_the_cycles_indicators_and_a_filled_copy_imports_after_a_preview()
    {
        var (client, cycle) = await StaffAsync();
        using var template = await client.GetAsync($"/api/cycles/{cycle}/import-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var text = Encoding.UTF8.GetString((await template.Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("code;indicator;waarde;toelichting;bron;niet beschikbaar (reden)", text);
        Assert.Contains("SD-INWONERS;Inwoners met ondersteuning sociaal domein;;;;", text);

        var filled = text
            .Replace("SD-INWONERS;Inwoners met ondersteuning sociaal domein;;;;", "SD-INWONERS;Inwoners met ondersteuning sociaal domein;21.568;;DWH;", StringComparison.Ordinal)
            .Replace("SD-INWONERS-PCT;Aandeel inwoners met ondersteuning;;;;", "SD-INWONERS-PCT;Aandeel inwoners met ondersteuning;17,8;;DWH;", StringComparison.Ordinal);
        var lines = filled.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("code", StringComparison.Ordinal) || l.Contains("DWH", StringComparison.Ordinal));
        var before = await StoredAsync();
        using var preview = await ImportAsync(client, cycle, Utf8(string.Join('\n', lines), bom: true), Csv, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var outcome = await preview.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.False(outcome.GetProperty("stored").GetBoolean());
        Assert.All(outcome.GetProperty("lines").EnumerateArray(), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("error").ValueKind));
        Assert.Equal(before, await StoredAsync());

        using var imported = await ImportAsync(client, cycle, Utf8(string.Join('\n', lines), bom: true), Csv, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await imported.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("recorded").GetInt32());
        Assert.Equal(before + 2, await StoredAsync());
    }

    [Fact]
    public async Task Comma_separated_files_with_international_decimals_and_xlsx_files_read_alike()
    {
        var (client, cycle) = await StaffAsync();
        using var comma = await ImportAsync(client, cycle, Utf8("code,indicator,waarde\nJH-JONGEREN,,3120\nSD-INWONERS-PCT,,17.8\n"), Csv, dryRun: true);
        var lines = (await comma.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([3120m, 17.8m], lines.Select(l => l.GetProperty("value").GetProperty("number").GetDecimal()));

        using var sheet = await ImportAsync(client, cycle, Xlsx(["code", "indicator", "waarde"], ["PW-INWONERS", "", "9245"], ["WMO-CLIENTEN", "", "6120"]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var rows = (await sheet.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([9245m, 6120m], rows.Select(l => l.GetProperty("value").GetProperty("number").GetDecimal()));
    }

    [Theory]
    [InlineData("naam;waarde\nSD-INWONERS;1\n", "De kolommen kloppen niet")]
    [InlineData("", "leeg")]
    [InlineData("code;indicator;waarde\n", "geen waarden")]
    public async Task A_file_that_is_not_a_values_file_is_refused_whole_and_nothing_is_stored(string content, string message)
    {
        var (client, cycle) = await StaffAsync();
        var before = await StoredAsync();
        using var response = await ImportAsync(client, cycle, Utf8(content), Csv, dryRun: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Bad_numbers_unknown_indicators_duplicates_and_values_out_of_range_are_named_by_line_and_nothing_is_stored()
    {
        var (client, cycle) = await StaffAsync();
        var before = await StoredAsync();
        const string File = "code;indicator;waarde;toelichting;bron;niet beschikbaar (reden)\n" +
                            "SD-INWONERS;;12.5;;;\n" +
                            "ONBEKEND;;1;;;\n" +
                            "WMO-CLIENTEN;;6.120;;;\n" +
                            "WMO-CLIENTEN;;6.121;;;\n" +
                            "SD-INWONERS-PCT;;117,8;;;\n" +
                            "JH-JONGEREN;;;;;\n";
        using var preview = await ImportAsync(client, cycle, Utf8(File), Csv, dryRun: true);
        var lines = (await preview.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("line").GetInt32(), l => l.GetProperty("error").GetString());
        Assert.Contains("komma voor decimalen", lines[2]);
        Assert.Contains("geen indicator van deze rapportage", lines[3]);
        Assert.Null(lines[4]);
        Assert.Contains("meer dan eens", lines[5]);
        // The lines that read are checked as the form checks them, even though other lines did not read.
        Assert.Contains("100", lines[6]);
        Assert.Contains("De waarde ontbreekt", lines[7]);

        using var imported = await ImportAsync(client, cycle, Utf8(File), Csv, dryRun: false);
        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        var errors = (await imported.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("line 2", out _));
        Assert.Equal(before, await StoredAsync());

        // Once the file reads, the unit is checked as the form checks it: a share above 100 % is named by its line.
        using var range = await ImportAsync(client, cycle, Utf8("code;indicator;waarde\nWMO-CLIENTEN;;6.120\nSD-INWONERS-PCT;;117,8\n"), Csv, dryRun: true);
        var checkedLines = (await range.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, checkedLines[0].GetProperty("error").ValueKind);
        Assert.Contains("100", checkedLines[1].GetProperty("error").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_before_reading_and_a_file_of_another_type_too()
    {
        var (client, cycle) = await StaffAsync();
        var before = await StoredAsync();
        var large = new StringBuilder("code;indicator;waarde\n");
        while (large.Length < 11 * 1024 * 1024)
        {
            large.Append("SD-INWONERS;Inwoners met ondersteuning sociaal domein;21.568\n");
        }

        using var tooLarge = await ImportAsync(client, cycle, Utf8(large.ToString()), Csv, dryRun: false);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        using var text = await ImportAsync(client, cycle, Utf8("code;indicator;waarde\n"), "text/plain", dryRun: false);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    private static byte[] Xlsx(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                data.Append(new Row(row.Select(cell => decimal.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? new Cell { CellValue = new CellValue(cell), DataType = CellValues.Number }
                    : new Cell { InlineString = new InlineString(new Text(cell)), DataType = CellValues.InlineString })));
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Waarden" }));
        }

        return stream.ToArray();
    }
}
