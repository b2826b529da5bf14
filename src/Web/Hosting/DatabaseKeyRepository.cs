using System.Xml.Linq;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Hosting;

/// <summary>The data-protection key ring in the database (PostgreSQL: several processes, one key ring).</summary>
internal sealed class DatabaseKeyRepository(IServiceProvider services) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = Context();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = Context();
        db.DataProtectionKeys.Add(new StoredKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
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
