using System.Linq.Expressions;
using System.Reflection;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Letters;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence.Conventions;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Governance.Domain.Persistence;

/// <summary>
/// The database of Governance. Every query is limited to the municipality of the
/// <see cref="IMunicipalityContext"/> it was created with, unless that context is the system.
/// One subclass per provider carries that provider's migrations.
/// </summary>
public abstract class GovernanceDbContext : IdentityDbContext<ApplicationUser>
{
    private readonly IMunicipalityContext _scope;

    /// <summary>Events of saves in a transaction not yet committed.</summary>
    private readonly List<IDomainEvent> _afterCommit = [];

    protected GovernanceDbContext(DbContextOptions options, IMunicipalityContext scope)
        : base(options) => _scope = scope;

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Alderman> Aldermen => Set<Alderman>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<PolicyArea> PolicyAreas => Set<PolicyArea>();

    public DbSet<Obligation> Obligations => Set<Obligation>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorDefinition> IndicatorDefinitions => Set<IndicatorDefinition>();

    public DbSet<ReportingCycle> ReportingCycles => Set<ReportingCycle>();

    public DbSet<IndicatorTask> IndicatorTasks => Set<IndicatorTask>();

    public DbSet<RecordedValue> RecordedValues => Set<RecordedValue>();

    public DbSet<ValueAttachment> ValueAttachments => Set<ValueAttachment>();

    public DbSet<CouncilLetter> CouncilLetters => Set<CouncilLetter>();

    public DbSet<LetterVersion> LetterVersions => Set<LetterVersion>();

    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();

    public DbSet<LetterReferenceCounter> LetterReferenceCounters => Set<LetterReferenceCounter>();

    public DbSet<PlanningYear> PlanningYears => Set<PlanningYear>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    public DbSet<Auditing.AuditEntry> AuditLog => Set<Auditing.AuditEntry>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<ObligationFollower> ObligationFollowers => Set<ObligationFollower>();

    public DbSet<PublicRegister.PublicSubscription> PublicSubscriptions => Set<PublicRegister.PublicSubscription>();

    public DbSet<Regions.Cooperation> Cooperations => Set<Regions.Cooperation>();

    public DbSet<Regions.RegionalShare> RegionalShares => Set<Regions.RegionalShare>();

    public DbSet<Regions.RegionalLetter> RegionalLetters => Set<Regions.RegionalLetter>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<StoredKey> DataProtectionKeys => Set<StoredKey>();

    public DbSet<ChangeSignal> ChangeSignals => Set<ChangeSignal>();

    public IMunicipalityContext Scope => _scope;

    /// <summary>Publishes the domain events of saved entities after a successful save; none when absent.</summary>
    public IPublisher? Publisher { get; init; }

    /// <summary>The scope's municipality, or an id no row has when the scope has none.</summary>
    internal MunicipalityId ScopeMunicipality => _scope.MunicipalityId ?? new MunicipalityId(Guid.Empty);

    internal bool ScopeIsSystem => _scope.IsSystem;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        TypedIdConventions.Apply(configurationBuilder);
        configurationBuilder.Properties<ReportingPeriod>().HaveConversion<ReportingPeriodConverter>().HaveMaxLength(10);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GovernanceDbContext).Assembly);
        builder.HasDbFunction(typeof(SearchText).GetMethod(nameof(SearchText.Folded))!).HasName(SearchText.FunctionName);
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (entityType.ClrType.IsAssignableTo(typeof(Entity)))
            {
                builder.Entity(entityType.ClrType).Ignore(nameof(Entity.DomainEvents));
            }

            if (entityType.ClrType.IsAssignableTo(typeof(AggregateRoot)) && entityType.BaseType is null)
            {
                builder.Entity(entityType.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
            }

            // Identity looks users up before anyone is signed in; accounts are scoped in their handlers.
            if (entityType.ClrType.IsAssignableTo(typeof(IMunicipalityOwned)) && entityType.BaseType is null
                && entityType.ClrType != typeof(ApplicationUser))
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(MunicipalityFilter(entityType.ClrType));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save asynchronously, so that domain events are published.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Detect the changes once; every later look at the change tracker in this save would detect them again.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        int saved;
        List<Entity> raised;
        List<IDomainEvent> events;
        try
        {
            ConcurrencyVersions.Increment(this);
            raised = [.. ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0)];
            events = [.. raised.SelectMany(e => e.DomainEvents)];
            saved = await SaveWithJournalLinesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && IsJournalClash(e))
        {
            // Someone else appended to the same journal or history meanwhile: the aggregate changed under us.
            throw new DbUpdateConcurrencyException("The record was changed by someone else meanwhile.", e);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        await PublishAsync(raised, events, cancellationToken);
        return saved;
    }

    /// <summary>
    /// After a save (EF's, or a store's own statements in its transaction): clears the saved entities' events and
    /// publishes them, in the order they were raised.
    /// </summary>
    internal async Task PublishAsync(IReadOnlyList<Entity> raised, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var entity in raised)
        {
            entity.ClearDomainEvents();
        }

        if (Publisher is null || events.Count == 0)
        {
            return;
        }

        if (Database.CurrentTransaction is not null)
        {
            // Saved, not yet committed: handlers work in scopes of their own and must find what was saved (on SQLite
            // their write would wait for this very transaction's lock). They hear of it once it commits.
            _afterCommit.AddRange(events);
            return;
        }

        await PublishNowAsync(events, cancellationToken);
    }

    /// <summary>The events saved in a transaction that has now committed (see <see cref="PublishAfterCommit"/>).</summary>
    internal async Task PublishCommittedAsync(CancellationToken cancellationToken)
    {
        var events = _afterCommit.ToList();
        _afterCommit.Clear();
        await PublishNowAsync(events, cancellationToken);
    }

    /// <summary>A transaction that rolled back: what was saved in it is gone, and so are its events.</summary>
    internal void DiscardUncommittedEvents() => _afterCommit.Clear();

    internal bool HasUncommittedEvents => _afterCommit.Count > 0;

    private async Task PublishNowAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            await Publisher!.Publish(domainEvent, cancellationToken);
        }
    }

    /// <summary>A clash on a journal's or history's (owner, sequence) index: two saves appended to the same aggregate.</summary>
    private static bool IsJournalClash(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Data.Common.DbException { Message: var message } && message.Contains("Sequence", StringComparison.Ordinal)
                && (message.Contains("ReportingCycleJournal", StringComparison.Ordinal) || message.Contains("ObligationHistory", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<int> SaveWithJournalLinesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var postgres = Database.IsNpgsql();
        var lines = Database.IsSqlite() || postgres ? JournalLines.Find(this) : null;
        var bulkLines = lines is not null && lines.Count >= JournalLines.BulkThreshold;
        // On PostgreSQL one UPDATE per changed row is most of a job's save; many of one table go in with one statement.
        var rows = postgres && acceptAllChangesOnSuccess ? Postgres.PostgresChangedRows.Find(this) : null;
        if (!bulkLines && rows is not { Count: > 0 })
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = 0;
            if (bulkLines)
            {
                await lines!.WriteAsync(this, cancellationToken);
                saved += lines.Count;
            }

            if (rows is not null)
            {
                await rows.WriteAsync(this, cancellationToken);
                saved += rows.Count;
            }

            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        catch
        {
            if (bulkLines)
            {
                lines!.Restore();
            }

            rows?.Restore();
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private LambdaExpression MunicipalityFilter(Type type)
    {
        // e => EF.Constant(ScopeIsSystem) || e.MunicipalityId == ScopeMunicipality
        // The flag goes into the SQL as a constant, so EF writes two versions of each query: for the system none of the
        // filter, for a request only "municipality = @id", which the municipality indexes answer. As a parameter
        // ("@system OR municipality = @id") it would make every query read every row.
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.NonPublic;
        var e = Expression.Parameter(type, "e");
        var self = Expression.Constant(this);
        var isSystem = Expression.Call(typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(bool)),
            Expression.Property(self, typeof(GovernanceDbContext).GetProperty(nameof(ScopeIsSystem), flags)!));
        var scope = Expression.Property(self, typeof(GovernanceDbContext).GetProperty(nameof(ScopeMunicipality), flags)!);
        var owner = Expression.Property(e, nameof(IMunicipalityOwned.MunicipalityId));
        return Expression.Lambda(Expression.OrElse(isSystem, Expression.Equal(owner, scope)), e);
    }
}
