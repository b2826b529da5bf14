using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Governance.Domain.Persistence.Postgres;
using Governance.Domain.Persistence.Sqlite;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Persistence;

/// <summary>
/// The providers' bulk writers (SQLite's row statements, PostgreSQL's binary COPY) write the rows EF would write: they
/// read back equal and answer the same queries; a duplicate fails the batch, or with skipExisting is left out.
/// </summary>
public abstract class BulkRowsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2025, 11, 25, 9, 30, 15, 123, DateTimeKind.Utc);
    private readonly TestDatabase _database = TestDatabases.Create(provider);
    private Municipality _municipality = null!;
    private ApplicationUser _user = null!;

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        _municipality = new Municipality("Maastricht", "GM0935");
        _user = new ApplicationUser { UserName = "sanne", Email = "sanne@example.test", DisplayName = "Sanne", MunicipalityId = _municipality.Id };
        db.AddRange(_municipality, _user);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Bulk_inserted_rows_read_back_as_written_and_answer_queries_by_key_and_date()
    {
        var rows = Enumerable.Range(1, 3)
            .Select(i => new Notification(_municipality.Id, _user.Id, $"cycle:{i}", $"Herinnering {i}", "Tekst", i == 2 ? null : $"/cycles/{i}", Now.AddDays(i)))
            .ToList();
        rows[0].MarkEmailed(Now);
        await using (var db = Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await InsertAsync(db, rows);
            await transaction.CommitAsync();
        }

        await using var check = Context();
        var read = await check.Notifications.OrderBy(n => n.EventKey).ToListAsync();
        Assert.Equal(rows.Select(r => (r.Id, r.MunicipalityId, r.RecipientUserId, r.EventKey, r.Subject, r.Link, r.CreatedAtUtc, r.EmailedAtUtc, r.ReadAtUtc)),
            read.Select(r => (r.Id, r.MunicipalityId, r.RecipientUserId, r.EventKey, r.Subject, r.Link, r.CreatedAtUtc, r.EmailedAtUtc, r.ReadAtUtc)));
        Assert.Equal(rows[1].EventKey, (await check.Notifications.SingleAsync(n => n.Id == rows[1].Id)).EventKey);
        Assert.Equal(2, await check.Notifications.CountAsync(n => n.CreatedAtUtc > Now.AddDays(1.5)));
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.EmailedAtUtc == null && n.Link == null));
    }

    [Fact]
    public async Task A_duplicate_row_is_refused_by_the_unique_index_and_nothing_of_the_batch_stays()
    {
        var first = new Notification(_municipality.Id, _user.Id, "cycle:1", "A", "Tekst", null, Now);
        var duplicate = new Notification(_municipality.Id, _user.Id, "cycle:1", "B", "Tekst", null, Now);
        await using (var db = Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => InsertAsync(db, [first, duplicate]));
        }

        await using var check = Context();
        Assert.Empty(await check.Notifications.ToListAsync());
    }

    [Fact]
    public async Task Skipping_existing_rows_leaves_out_what_the_unique_index_holds_and_counts_the_rest()
    {
        var first = new Notification(_municipality.Id, _user.Id, "cycle:1", "A", "Tekst", null, Now);
        var again = new Notification(_municipality.Id, _user.Id, "cycle:1", "B", "Tekst", null, Now);
        var other = new Notification(_municipality.Id, _user.Id, "cycle:2", "C", "Tekst", null, Now);
        await using (var db = Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, await InsertAsync(db, [first], skipExisting: true));
            Assert.Equal(1, await InsertAsync(db, [again, other], skipExisting: true));
            await transaction.CommitAsync();
        }

        await using var check = Context();
        Assert.Equal(["A", "C"], (await check.Notifications.OrderBy(n => n.EventKey).ToListAsync()).Select(n => n.Subject));
    }

    private static async Task<int> InsertAsync(GovernanceDbContext db, IReadOnlyCollection<Notification> rows, bool skipExisting = false) => db.Database.IsSqlite()
        ? SqliteRows.Insert(db, rows, CancellationToken.None, skipExisting)
        : await PostgresCopy.InsertAsync(db, rows, CancellationToken.None, skipExisting);

    private GovernanceDbContext Context() => GovernanceDatabase.Create(_database.Provider, _database.ConnectionString, FixedMunicipalityContext.System);
}

public sealed class SqliteBulkRowsTests() : BulkRowsTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkRowsTests() : BulkRowsTests(DatabaseProvider.Postgres);
