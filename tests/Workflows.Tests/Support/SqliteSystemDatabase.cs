using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Workflows.Tests.Support;

/// <summary>A real SQLite file, migrated, seen with system scope; optionally failing the Nth save to simulate a crash.</summary>
internal sealed class SqliteSystemDatabase : ISystemDatabase, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "governance-workflow-tests", Guid.NewGuid().ToString("N"));
    private readonly CrashingInterceptor _crash = new();

    public SqliteSystemDatabase()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "governance.db")};Pooling=False";
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }

    /// <summary>The save with this number (1-based, counted from now) throws after the batch reached the database driver.</summary>
    public void CrashOnSave(int number) => _crash.Arm(number);

    public GovernanceDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<SqliteGovernanceDbContext>();
        GovernanceDatabase.Configure(options, DatabaseProvider.Sqlite, ConnectionString);
        options.AddInterceptors(_crash);
        return new SqliteGovernanceDbContext(options.Options, FixedMunicipalityContext.System);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }

    private sealed class CrashingInterceptor : SaveChangesInterceptor
    {
        private int _countdown;

        public void Arm(int number) => _countdown = number;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_countdown > 0 && --_countdown == 0)
            {
                throw new IOException("Simulated crash in the middle of opening cycles.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
