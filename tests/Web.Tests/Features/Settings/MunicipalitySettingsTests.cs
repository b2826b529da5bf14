using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Web.Features.Accounts;
using Governance.Web.Tests.Support;
using static Governance.Web.Tests.Support.AccountFlows;

namespace Governance.Web.Tests.Features.Settings;

/// <summary>The municipality's own settings: its name and code, the address e-mail links start with, the contact details.</summary>
public sealed class MunicipalitySettingsTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task E_mail_links_start_with_the_municipalitys_public_address_once_it_is_set()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/admin/settings", Json);

        using var saved = await admin.PutAsJsonAsync("/api/admin/settings", new
        {
            name = "Maastricht", code = "GM0935", publicAddress = "https://governance.maastricht.example/", contactPhone = "14 043",
            contactEmail = "griffie@maastricht.example", version = settings.GetProperty("version").GetInt32(),
        }, Json);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("https://governance.maastricht.example", (await saved.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("publicAddress").GetString());
        var id = await InviteAsync(admin, "adres@maastricht.test", "Adres Test", [Roles.Raadslid]);
        var eml = await MailedEmlAsync(id);
        Assert.Contains("Uw persoonlijke link: https://governance.maastricht.example/account/invitation?user=", eml);

        using var stale = await admin.PutAsJsonAsync("/api/admin/settings", new { name = "Overschreven", code = "GM0935", version = settings.GetProperty("version").GetInt32() }, Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task A_bad_address_code_or_another_municipalitys_code_is_refused_with_the_field_named()
    {
        using var admin = await app.SignedInClientAsync(Emails.For(Roles.Beheerder));
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/settings", Json)).GetProperty("version").GetInt32();

        using var bad = await admin.PutAsJsonAsync("/api/admin/settings", new { name = "Maastricht", code = "0935", publicAddress = "javascript:alert(1)", version }, Json);
        using var taken = await admin.PutAsJsonAsync("/api/admin/settings", new { name = "Maastricht", code = "GM0981", version }, Json);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _) && errors.TryGetProperty("publicAddress", out _));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("andere gemeente", (await taken.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task Only_the_administrator_changes_the_settings()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Assert.Equal(HttpStatusCode.Forbidden, (await griffie.GetAsync("/api/admin/settings")).StatusCode);
    }

    private async Task<string> MailedEmlAsync(string userId)
    {
        var link = await MailedLinkAsync(app, userId, AccountMail.Invitation);
        Assert.StartsWith("/account/invitation", link);
        var mailer = (Web.Hosting.Mailer)Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Workflows.Notifications.IMailer>(app.Services);
        var folder = mailer.PickupFolder(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.Hosting.GovernanceSettings>>(app.Services).Value.Mail);
        return await File.ReadAllTextAsync(Directory.GetFiles(folder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Last());
    }
}
