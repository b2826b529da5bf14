namespace Governance.Workflows.Notifications;

/// <summary>Sends one e-mail. The host provides SMTP (MailKit) or, in development, a pickup folder.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

public sealed record OutgoingMail(string To, string ToName, string Subject, string Body, string? Link);
