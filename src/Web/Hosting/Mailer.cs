using Governance.Workflows.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Governance.Web.Hosting;

/// <summary>Sends e-mail with MailKit: over SMTP when configured, else as .eml files in the pickup folder.</summary>
internal sealed class Mailer(IOptions<GovernanceSettings> options, DatabaseSettings database, IWebHostEnvironment environment) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value.Mail;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        var origin = (mail.PublicAddress ?? settings.BaseUrl).TrimEnd('/');
        var link = mail.Link is null ? "" : $"\n\n{mail.LinkText ?? "Bekijk het in Governance"}: {origin}{mail.Link}";
        var leave = "";
        if (mail.Unsubscribe is { } unsubscribe)
        {
            // One click in the mail program (a POST with List-Unsubscribe=One-Click), or the link in the text.
            message.Headers.Add("List-Unsubscribe", $"<{origin}{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            leave = $"\n\nNiet meer volgen: {origin}{unsubscribe}";
        }

        var greeting = string.IsNullOrWhiteSpace(mail.ToName) ? "Goedendag," : $"Beste {mail.ToName},";
        message.Body = new TextPart("plain") { Text = $"{greeting}\n\n{mail.Body}{link}{leave}\n\nMet vriendelijke groet,\nGovernance" };

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = PickupFolder(settings);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public string PickupFolder(MailSettings settings)
    {
        if (Path.IsPathRooted(settings.PickupFolder))
        {
            return settings.PickupFolder;
        }

        var dataFolder = database.Provider == Domain.Persistence.DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource))!
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataFolder));
        return Path.Combine(dataFolder, settings.PickupFolder);
    }
}
