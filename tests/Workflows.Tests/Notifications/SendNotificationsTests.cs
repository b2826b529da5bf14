using Governance.Domain.Accounts;
using Governance.Domain.Municipalities;
using Governance.Domain.Notifications;
using Governance.Workflows.Notifications;
using Governance.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Workflows.Tests.Notifications;

public sealed class SendNotificationsTests : IDisposable
{
    private readonly SqliteSystemDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 6, 30, 0, TimeSpan.Zero));
    private readonly CapturingMailer _mailer = new();

    public SendNotificationsTests()
    {
        using var db = _database.CreateContext();
        var maastricht = new Municipality("Maastricht", "GM0935");
        var each = new ApplicationUser { UserName = "each", Email = "each@maastricht.test", DisplayName = "Sanne", MunicipalityId = maastricht.Id };
        var digest = new ApplicationUser { UserName = "digest", Email = "digest@maastricht.test", DisplayName = "Maurice", MunicipalityId = maastricht.Id, EmailDigest = true };
        db.AddRange(maastricht, each, digest);
        foreach (var (user, key) in new[] { (each, "a"), (each, "b"), (digest, "a"), (digest, "b"), (digest, "c") })
        {
            db.Notifications.Add(new Notification(maastricht.Id, user.Id, key, $"Melding {key}", $"Tekst {key}", $"/cycles/{key}", _time.GetUtcNow().UtcDateTime));
        }

        db.SaveChangesAsync().GetAwaiter().GetResult();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task One_email_per_event_per_person_and_each_only_once()
    {
        Assert.Equal(2, await new SendNotificationsHandler(_database, _mailer, _time).Handle(new SendNotificationsCommand(), CancellationToken.None));
        Assert.Equal(0, await new SendNotificationsHandler(_database, _mailer, _time).Handle(new SendNotificationsCommand(), CancellationToken.None));
        Assert.Equal(["Melding a", "Melding b"], _mailer.Sent.Select(m => m.Subject).Order());
        Assert.All(_mailer.Sent, m => Assert.Equal("each@maastricht.test", m.To));
    }

    [Fact]
    public async Task A_person_who_chose_the_digest_gets_one_email_a_day_with_everything()
    {
        await new SendNotificationsHandler(_database, _mailer, _time).Handle(new SendNotificationsCommand(), CancellationToken.None);
        Assert.DoesNotContain(_mailer.Sent, m => m.To == "digest@maastricht.test");

        Assert.Equal(1, await new SendDailyDigestHandler(_database, _mailer, _time).Handle(new SendDailyDigestCommand(), CancellationToken.None));
        var digest = Assert.Single(_mailer.Sent, m => m.To == "digest@maastricht.test");
        Assert.Equal("Governance: 3 nieuwe meldingen", digest.Subject);
        Assert.Contains("Melding c", digest.Body);
        Assert.Equal(0, await new SendDailyDigestHandler(_database, _mailer, _time).Handle(new SendDailyDigestCommand(), CancellationToken.None));
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.EmailedAtUtc == null));
    }

    private sealed class CapturingMailer : IMailer
    {
        public List<OutgoingMail> Sent { get; } = [];

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            Sent.Add(mail);
            return Task.CompletedTask;
        }
    }
}
