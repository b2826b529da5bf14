using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Notifications;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Notifications;

public sealed class NotificationsApiTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Marking_read_says_which_ids_were_not_known_or_not_mine_and_marks_only_mine()
    {
        using var client = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        Guid mine, theirs;
        await using (var db = app.Database())
        {
            var staff = await db.Users.SingleAsync(u => u.Email == Emails.For(Roles.Medewerker));
            var lead = await db.Users.SingleAsync(u => u.Email == Emails.For(Roles.Teamleider));
            var now = DateTime.UtcNow;
            var forStaff = new Notification(staff.MunicipalityId, staff.Id, "test-1", "Herinnering", "Nog één waarde.", null, now);
            var forLead = new Notification(lead.MunicipalityId, lead.Id, "test-2", "Escalatie", "Een taak is te laat.", null, now);
            db.Notifications.AddRange(forStaff, forLead);
            await db.SaveChangesAsync();
            (mine, theirs) = (forStaff.Id.Value, forLead.Id.Value);
        }

        var unknown = Guid.NewGuid();
        using var response = await client.PostAsJsonAsync("/api/me/notifications/read", new { ids = new[] { mine, theirs, unknown } }, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(1, answer.GetProperty("marked").GetInt32());
        Assert.Equal(new[] { theirs, unknown }.Order(), answer.GetProperty("unknown").EnumerateArray().Select(i => i.GetGuid()).Order());
        await using var check = app.Database();
        Assert.NotNull((await check.Notifications.SingleAsync(n => n.Id == NotificationId.From(mine))).ReadAtUtc);
        Assert.Null((await check.Notifications.SingleAsync(n => n.Id == NotificationId.From(theirs))).ReadAtUtc);
    }
}
