using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Hosting.Seeding;

/// <summary>Thrown at start when the installation is not configured well enough to run safely.</summary>
public sealed class SetupRequiredException(string message) : Exception(message);

/// <summary>
/// Runs before the app serves, one process at a time: migrates the database, ensures the roles, and then either writes the
/// demo (demo mode) or makes sure a first administrator exists (any other mode; never with a default password).
/// </summary>
internal static class StartupData
{
    public static async Task PrepareAsync(IServiceProvider root, GovernanceSettings settings, CancellationToken cancellationToken = default)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupData));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Any number of processes may start at once on one database: one at a time migrates and writes the first data,
        // and the next finds it done.
        var database = services.GetRequiredService<DatabaseSettings>();
        var ready = services.GetRequiredService<DatabaseReady>();
        HeldLock startup;
        try
        {
            DatabaseLock.EnsureDatabase(database.Provider, database.ConnectionString);
            startup = await DatabaseLock.AcquireAsync(database.Provider, database.ConnectionString, "startup", TimeSpan.FromMinutes(10), cancellationToken);
        }
        catch (Exception e)
        {
            ready.Failed(e);
            throw;
        }

        await using var alone = startup;
        try
        {
            await services.MigrateDatabaseAsync(cancellationToken);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await using var keys = services.GetRequiredService<DbContextOptionsCache>().Create(FixedMunicipalityContext.System, null);
                await DatabaseKeyRepository.ImportFormerKeysAsync(keys, SecuritySetup.KeyFolder(settings, services.GetRequiredService<IHostEnvironment>()), cancellationToken);
            }

            ready.Done();
        }
        catch (Exception e)
        {
            ready.Failed(e);
            throw;
        }

        log.LogInformation("Database ready in {Milliseconds} ms", clock.ElapsedMilliseconds);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        var db = services.GetRequiredService<GovernanceDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (settings.Demo)
        {
            clock.Restart();
            if (await new DemoData(root, services.GetRequiredService<TimeProvider>()).SeedAsync(cancellationToken))
            {
                log.LogInformation("Demo made through the commands in {Milliseconds} ms", clock.ElapsedMilliseconds);
            }

            return;
        }

        await EnsureFirstAdministratorAsync(db, users, settings.FirstAdministrator, cancellationToken);
    }

    private static async Task EnsureFirstAdministratorAsync(
        GovernanceDbContext db, UserManager<ApplicationUser> users, FirstAdministratorSettings admin, CancellationToken cancellationToken)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Beheerder)).Count > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrWhiteSpace(admin.Password)
            || string.IsNullOrWhiteSpace(admin.MunicipalityName) || string.IsNullOrWhiteSpace(admin.MunicipalityCode))
        {
            throw new SetupRequiredException(
                """
                Governance has no administrator yet and will not start without one; there are no default passwords.
                Configure the first administrator (environment variables shown; user secrets or appsettings work too):
                  Governance__FirstAdministrator__Email=beheer@gemeente.nl
                  Governance__FirstAdministrator__Password=<at least 12 characters>
                  Governance__FirstAdministrator__MunicipalityName=Maastricht
                  Governance__FirstAdministrator__MunicipalityCode=GM0935
                Or try Governance with demo data: Governance__Demo=true (never in production).
                """);
        }

        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Code == admin.MunicipalityCode.Trim().ToUpperInvariant(), cancellationToken);
        if (municipality is null)
        {
            municipality = new Municipality(admin.MunicipalityName, admin.MunicipalityCode);
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync(cancellationToken);
        }

        var user = new ApplicationUser
        {
            UserName = admin.Email.Trim(),
            Email = admin.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(admin.DisplayName) ? "Beheerder" : admin.DisplayName.Trim(),
            MunicipalityId = municipality.Id,
        };
        var created = await users.CreateAsync(user, admin.Password);
        if (!created.Succeeded)
        {
            throw new SetupRequiredException("The first administrator could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        Check(await users.AddToRoleAsync(user, Roles.Beheerder));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
