using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Indicators.Events;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Workflows.Tests.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Tests.Persistence;

/// <summary>
/// A save's events reach their handlers once what was saved is in the database for everyone: at once without a
/// transaction, at the commit of an explicit one, never for a transaction that rolled back. Handlers work in scopes of
/// their own, so each handler here looks with a connection of its own.
/// </summary>
public sealed class DomainEventsAfterCommitTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 1, 12, 9, 0, 0, DateTimeKind.Utc);
    private static readonly MunicipalityId Maastricht = MunicipalityId.New();

    private readonly SqliteSystemDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Without_a_transaction_the_handler_hears_at_the_save_and_finds_the_row()
    {
        var seen = new SeeingPublisher(_database);
        await using var db = Context(seen);
        var indicator = Indicator("A");
        db.Add(indicator);
        await db.SaveChangesAsync();

        Assert.Equal([(indicator.Id, true)], seen.Heard);
    }

    [Fact]
    public async Task In_a_transaction_the_handler_hears_at_the_commit_and_finds_the_row()
    {
        var seen = new SeeingPublisher(_database);
        await using var db = Context(seen);
        var first = Indicator("A");
        var second = Indicator("B");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(first);
            await db.SaveChangesAsync();
            db.Add(second);
            await db.SaveChangesAsync();
            Assert.Empty(seen.Heard);
            await transaction.CommitAsync();
        }

        Assert.Equal([(first.Id, true), (second.Id, true)], seen.Heard);
    }

    [Fact]
    public async Task A_transaction_rolled_back_or_left_uncommitted_publishes_nothing_then_or_later()
    {
        var seen = new SeeingPublisher(_database);
        await using var db = Context(seen);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(Indicator("A"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        await using (await db.Database.BeginTransactionAsync())
        {
            db.Add(Indicator("B"));
            await db.SaveChangesAsync();
        }

        // The next transaction of the same context commits: only its own events are heard.
        db.ChangeTracker.Clear();
        var third = Indicator("C");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(third);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal([(third.Id, true)], seen.Heard);
    }

    private static Indicator Indicator(string code) => new(Maastricht, "TEST-" + code, Cycles.Spec(IndicatorKind.Count), Now);

    private GovernanceDbContext Context(IPublisher publisher)
    {
        var db = new SqliteGovernanceDbContext(
            GovernanceDatabase.Options<SqliteGovernanceDbContext>(DatabaseProvider.Sqlite, _database.ConnectionString), FixedMunicipalityContext.System)
        {
            Publisher = publisher,
        };
        db.Database.OpenConnection();
        // The municipality is not what these tests are about: skip its row.
        db.Database.ExecuteSqlRaw("PRAGMA foreign_keys = OFF;");
        return db;
    }

    /// <summary>For each indicator defined, whether a connection of its own finds the indicator's row.</summary>
    private sealed class SeeingPublisher(SqliteSystemDatabase database) : IPublisher
    {
        public List<(IndicatorId Id, bool Found)> Heard { get; } = [];

        public async ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification => await Publish((object)notification!, cancellationToken);

        public async ValueTask Publish(object notification, CancellationToken cancellationToken = default)
        {
            if (notification is IndicatorDefined defined)
            {
                await using var other = database.CreateContext();
                Heard.Add((defined.IndicatorId, await other.Indicators.AnyAsync(i => i.Id == defined.IndicatorId, cancellationToken)));
            }
        }
    }
}
