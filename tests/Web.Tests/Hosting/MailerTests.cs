using System.Net;
using System.Net.Http.Json;
using Governance.Domain.Accounts;
using Governance.Web.Hosting;
using Governance.Web.Tests.Support;
using Governance.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Web.Tests.Hosting;

public class MailerTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    [Fact]
    public async Task Without_an_smtp_host_mail_is_written_as_an_eml_file_to_the_pickup_folder()
    {
        var mailer = (Mailer)app.Services.GetRequiredService<IMailer>();
        var folder = mailer.PickupFolder(app.Services.GetRequiredService<IOptions<GovernanceSettings>>().Value.Mail);
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0;
        await mailer.SendAsync(new OutgoingMail("sanne@maastricht.test", "Sanne Peeters", "Herinnering: Vinger aan de pols", "Lever uiterlijk 22 januari aan.", "/cycles/1"), CancellationToken.None);

        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(before + 1, files.Length);
        var eml = await File.ReadAllTextAsync(files.OrderBy(File.GetCreationTimeUtc).Last());
        Assert.Contains("To: Sanne Peeters <sanne@maastricht.test>", eml);
        Assert.Contains("Subject: Herinnering: Vinger aan de pols", eml);
        Assert.Contains("/cycles/1", eml);
    }

    [Fact]
    public async Task A_person_chooses_the_daily_digest_for_themselves()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        using var response = await client.PutAsJsonAsync("/api/me/preferences", new { emailDigest = true });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var db = app.Database();
        Assert.True(await db.Users.Where(u => u.Email == Emails.For(Roles.Medewerker)).Select(u => u.EmailDigest).SingleAsync());
    }
}
