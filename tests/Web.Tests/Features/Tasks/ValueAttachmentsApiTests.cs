using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Tasks;

public class ValueAttachmentsApiTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly byte[] Pdf = "%PDF-1.7\nbrontabel Wmo 2026\n"u8.ToArray();

    private static async Task<HttpResponseMessage> Attach(HttpClient client, Guid task, string? fileName, byte[] content, string type = "application/octet-stream")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        var query = fileName is null ? "" : $"?fileName={Uri.EscapeDataString(fileName)}";
        return await client.PostAsync($"/api/tasks/{task}/attachments{query}", body);
    }

    private async Task<int> StoredAsync()
    {
        await using var db = app.Database();
        return await db.ValueAttachments.CountAsync();
    }

    [Fact]
    public async Task Staff_attach_a_file_to_their_task_find_it_on_the_task_download_it_and_remove_it()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (_, _, task) = await CycleApi.OpenTask(client, "T-2024-031", "WMO-CLIENTEN");

        using var added = await Attach(client, task, "brontabel wmo.pdf", Pdf, "application/pdf");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var info = await added.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = info.GetProperty("id").GetGuid();
        Assert.Equal("brontabel wmo.pdf", info.GetProperty("fileName").GetString());
        Assert.Equal(Pdf.Length, info.GetProperty("size").GetInt64());
        Assert.Equal($"/api/tasks/{task}/attachments/{id}", added.Headers.Location!.OriginalString);

        var entry = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}", Json);
        var listed = Assert.Single(entry.GetProperty("attachments").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal(Emails.DisplayName(Roles.Medewerker), listed.GetProperty("uploadedBy").GetString());

        // A team lead of the same team reads it too.
        using var lead = await app.SignedInClientAsync(Emails.For(Roles.Teamleider));
        using var download = await lead.GetAsync($"/api/tasks/{task}/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("brontabel wmo.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);

        using var removed = await client.DeleteAsync($"/api/tasks/{task}/attachments/{id}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}", Json)).GetProperty("attachments").EnumerateArray());
        using var gone = await client.GetAsync($"/api/tasks/{task}/attachments/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("programma.exe", "file")]
    [InlineData("geen-extensie", "file")]
    [InlineData("", "fileName")]
    [InlineData(null, "fileName")]
    public async Task A_file_of_a_type_not_accepted_or_without_a_name_is_a_400_naming_the_field_and_nothing_is_stored(string? fileName, string field)
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (_, _, task) = await CycleApi.OpenTask(client, "T-2024-031", "WMO-CLIENTEN");
        var before = await StoredAsync();

        using var response = await Attach(client, task, fileName, Pdf);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await StoredAsync());
    }

    public static TheoryData<string, byte[]> Disguised => new()
    {
        { "grafiek.png", "<html><script>alert(8)</script></html>"u8.ToArray() },
        { "bron.pdf", "<svg onload=alert(8)>"u8.ToArray() },
        { "foto.jpg", Pdf },
        { "tabel.xlsx", "PK\u0003\u0004 geen echt pakket"u8.ToArray() },
        { "memo.docx", Pdf },
        { "blad.ods", "PK\u0003\u0004"u8.ToArray() },
        { "cijfers.csv", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00] },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task A_file_whose_content_is_not_what_its_name_says_is_a_400_and_not_stored(string fileName, byte[] content)
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (_, _, task) = await CycleApi.OpenTask(client, "T-2024-031", "WMO-CLIENTEN");
        var before = await StoredAsync();

        using var response = await Attach(client, task, fileName, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("De inhoud van dit bestand is geen", (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public void Real_files_of_every_accepted_kind_match_their_signature()
    {
        using var docx = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(docx, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }

        Assert.True(Governance.Domain.ReportingCycles.FileSignatures.Matches(".docx", docx.ToArray()));
        Assert.True(Governance.Domain.ReportingCycles.FileSignatures.Matches(".pdf", Pdf));
        Assert.True(Governance.Domain.ReportingCycles.FileSignatures.Matches(".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.True(Governance.Domain.ReportingCycles.FileSignatures.Matches(".JPG", [0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.True(Governance.Domain.ReportingCycles.FileSignatures.Matches(".csv", "jaar;waarde\n2026;14.012\n"u8.ToArray()));
        Assert.True(Governance.Domain.ReportingCycles.FileSignatures.Matches(".txt", [0xFF, 0xFE, 0x41, 0x00]));
        Assert.True(Governance.Domain.ReportingCycles.FileSignatures.Matches(".ods", [.. "PK\u0003\u0004"u8, .. new byte[26], .. "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"u8]));
    }

    [Fact]
    public async Task An_empty_file_is_a_400_and_a_file_over_10_MB_a_413_and_neither_is_stored()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (_, _, task) = await CycleApi.OpenTask(client, "T-2024-031", "WMO-CLIENTEN");
        var before = await StoredAsync();

        using var empty = await Attach(client, task, "leeg.pdf", []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("leeg", (await empty.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("file")[0].GetString());

        using var large = await Attach(client, task, "groot.pdf", new byte[10 * 1024 * 1024 + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Another_teams_task_is_403_for_every_attachment_action_and_an_unknown_task_404()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (_, _, otherTeams) = await CycleApi.OpenTask(client, "M-2021-047", "ARM-KINDEREN");
        var before = await StoredAsync();

        using var add = await Attach(client, otherTeams, "bron.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        using var read = await client.GetAsync($"/api/tasks/{otherTeams}/attachments/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        using var remove = await client.DeleteAsync($"/api/tasks/{otherTeams}/attachments/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        using var unknown = await Attach(client, Guid.NewGuid(), "bron.pdf", Pdf);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Once_the_value_is_handed_in_its_files_are_fixed_a_new_one_is_refused_and_nothing_stored()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        var (cycle, version, task) = await CycleApi.OpenTask(client, "T-2024-031", "SD-HUISHOUDENS");
        using var kept = await Attach(client, task, "bron.csv", "jaar;waarde\n2026;14012\n"u8.ToArray(), "text/csv");
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        var id = (await kept.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        using var submitted = await client.PostAsJsonAsync($"/api/cycles/{cycle}/tasks/{task}/values", new { number = 14_012, version }, Json);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var before = await StoredAsync();

        using var late = await Attach(client, task, "nog een.pdf", Pdf);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        using var remove = await client.DeleteAsync($"/api/tasks/{task}/attachments/{id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, remove.StatusCode);
        Assert.Equal(before, await StoredAsync());
        using var still = await client.GetAsync($"/api/tasks/{task}/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }
}
