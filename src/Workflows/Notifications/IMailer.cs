namespace Governance.Workflows.Notifications;

/// <summary>Sends one e-mail. The host provides SMTP (MailKit) or, in development, a pickup folder.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// One e-mail; <see cref="LinkText"/> says what the link is for ("Bekijk het in Governance" when not given);
/// <see cref="PublicAddress"/> is the recipient's municipality's address the link starts with (the installation's when not given);
/// <see cref="Unsubscribe"/> (a path like <see cref="Link"/>) makes it a list message one leaves with one click (RFC 2369 and
/// RFC 8058: the List-Unsubscribe headers, and the link in the text). Without <see cref="ToName"/> it greets without a name.
/// </summary>
public sealed record OutgoingMail(
    string To, string ToName, string Subject, string Body, string? Link, string? LinkText = null, string? PublicAddress = null, string? Unsubscribe = null);
