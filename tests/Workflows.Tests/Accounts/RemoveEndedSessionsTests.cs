using Governance.Domain.Accounts;
using Governance.Domain.Municipalities;
using Governance.Workflows.Accounts;
using Governance.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Workflows.Tests.Accounts;

public sealed class RemoveEndedSessionsTests : IDisposable
{
    private readonly SqliteSystemDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Sessions_signed_out_or_older_than_their_lifetime_are_removed_and_live_ones_kept()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        SignInSession live, young;
        await using (var db = _database.CreateContext())
        {
            var maastricht = new Municipality("Maastricht", "GM0935");
            var user = new ApplicationUser { UserName = "sanne", Email = "sanne@maastricht.test", DisplayName = "Sanne", MunicipalityId = maastricht.Id };
            db.AddRange(maastricht, user);
            live = SignInSession.Start(user.Id, now.AddHours(-3));
            young = SignInSession.Start(user.Id, now - SignInSession.Lifetime + TimeSpan.FromMinutes(1));
            var ended = SignInSession.Start(user.Id, now.AddHours(-2));
            ended.End(now.AddHours(-1));
            var old = SignInSession.Start(user.Id, now - SignInSession.Lifetime - TimeSpan.FromMinutes(1));
            db.SignInSessions.AddRange(live, young, ended, old);
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await new RemoveEndedSessionsHandler(_database, _time).Handle(new RemoveEndedSessionsCommand(), CancellationToken.None));
        Assert.Equal(0, await new RemoveEndedSessionsHandler(_database, _time).Handle(new RemoveEndedSessionsCommand(), CancellationToken.None));

        await using var check = _database.CreateContext();
        Assert.Equal(new[] { live.Id.Value, young.Id.Value }.Order(), (await check.SignInSessions.Select(s => s.Id).ToListAsync()).Select(id => id.Value).Order());
    }
}
