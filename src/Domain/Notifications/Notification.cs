using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Notifications;

/// <summary>
/// A message to one person about one event (a reminder, an escalation…), shown in the app and sent
/// by e-mail. <see cref="EventKey"/> names the event: a person gets one notification per event, ever.
/// </summary>
public sealed class Notification : Entity, IMunicipalityOwned
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4_000;
    public const int KeyMaxLength = 120;

    private Notification()
    {
        RecipientUserId = null!;
        EventKey = null!;
        Subject = null!;
        Body = null!;
    }

    public Notification(MunicipalityId municipalityId, string recipientUserId, string eventKey, string subject, string body, string? link, DateTime nowUtc)
    {
        Id = NotificationId.New();
        MunicipalityId = municipalityId;
        RecipientUserId = Guard.Text(recipientUserId, nameof(RecipientUserId), 64);
        EventKey = Guard.Text(eventKey, nameof(EventKey), KeyMaxLength);
        Subject = Guard.Text(subject, nameof(Subject), SubjectMaxLength);
        Body = Guard.Text(body, nameof(Body), BodyMaxLength);
        Link = Guard.OptionalText(link, nameof(Link), 300);
        CreatedAtUtc = nowUtc;
    }

    public NotificationId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public string RecipientUserId { get; private set; }

    public string EventKey { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public string? Link { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public DateTime? EmailedAtUtc { get; private set; }

    /// <summary>A text cut to <paramref name="length"/> characters with an ellipsis, for a subject or body made from longer texts people wrote.</summary>
    public static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    public void MarkEmailed(DateTime nowUtc) => EmailedAtUtc ??= nowUtc;
}
