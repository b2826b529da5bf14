using System.Xml.Linq;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Governance.Web.Hosting;

/// <summary>The data-protection key ring in the database (PostgreSQL: several processes, one key ring).</summary>
internal sealed class DatabaseKeyRepository(IServiceProvider services) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            return Read();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Asked before the first start has made the tables (the key ring is loaded as the host starts): wait for them.
            services.GetRequiredService<DatabaseReady>().Migrated.Wait();
            return Read();
        }
    }

    /// <summary>Inserted with SQL of its own: the context saves asynchronously only, and this interface is synchronous.</summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = Context();
        var xml = element.ToString(SaveOptions.DisableFormatting);
        db.Database.ExecuteSql($"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ({friendlyName}, {xml})");
    }

    private List<XElement> Read()
    {
        using var db = Context();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    /// <summary>
    /// An installation that kept its keys in the data folder before brings them along the first time the database has
    /// none, so links already e-mailed and cookies already handed out keep working. Run under the start-up lock, before
    /// the first request (a key twice in the ring stops every process from reading it).
    /// </summary>
    public static async Task ImportFormerKeysAsync(GovernanceDbContext db, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
        {
            var element = XElement.Load(file);
            db.DataProtectionKeys.Add(new StoredKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = element.ToString(SaveOptions.DisableFormatting) });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private GovernanceDbContext Context() => services.GetRequiredService<DbContextOptionsCache>().Create(FixedMunicipalityContext.System, null);
}

/// <summary>Completes once this process's start-up has migrated the database (or fails with the reason it could not).</summary>
internal sealed class DatabaseReady
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Migrated => _migrated.Task;

    public void Done() => _migrated.TrySetResult();

    public void Failed(Exception reason) => _migrated.TrySetException(reason);
}
