using Microsoft.AspNetCore.DataProtection;

namespace Governance.Web.Hosting.Seeding;

/// <summary>
/// Runs <see cref="StartupData"/> on its own thread from the moment the app is built, while the pipeline is built and
/// the server and the job server start: start-up takes the longer of the two instead of their sum. The host counts as
/// started (and a test host hands out its client) only when the data is ready; a request that arrives before waits at
/// the gate (<see cref="StartupGate.UseStartupGate"/>), and so does a background job (<see cref="StartupJobFilter"/>). When the data
/// cannot be prepared (no first administrator configured), the host fails to start with that reason.
/// </summary>
internal sealed class StartupPreparation(IServiceProvider services, Func<Task> prepare) : IHostedLifecycleService
{
    private readonly Lazy<Task> _prepared = new(() => Task.Run(prepare));

    /// <summary>Completes when the database is migrated and its first data is in; starts the work on first use.</summary>
    public Task Prepared => _prepared.Value;

    public void Begin()
    {
        _ = Prepared;
        _ = Task.Run(WarmUp);
    }

    /// <summary>
    /// On the other core while the data is prepared: the data-protection key ring (a new installation makes its first key;
    /// the first page's antiforgery token needs it) and the job storage (its schema; the first invitation queues a job).
    /// </summary>
    private void WarmUp()
    {
        // In the data folder on SQLite; on PostgreSQL the ring is in the database, whose tables may not be there yet.
        if (services.GetRequiredService<DatabaseSettings>().Provider == Domain.Persistence.DatabaseProvider.Sqlite)
        {
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(StartupPreparation)).Protect([0]);
        }

        _ = services.GetService<Hangfire.JobStorage>();
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Begin();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After the server listens: the host's start completes when the data is ready, or fails with its reason.</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => Prepared.WaitAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class StartupGate
{
    public static IServiceCollection AddStartupPreparation(this IServiceCollection services, GovernanceSettings settings)
    {
        services.AddSingleton<DatabaseReady>();
        services.AddSingleton(sp => new StartupPreparation(sp, () => StartupData.PrepareAsync(sp, settings)));
        services.AddHostedService(sp => sp.GetRequiredService<StartupPreparation>());
        return services;
    }

    /// <summary>
    /// Holds every request until the start-up data is ready (once it is, a completed task costs nothing). When it could
    /// not be prepared, the app answers that it is not available, with the reason in the server's log, and serves nothing.
    /// </summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var prepared = app.ApplicationServices.GetRequiredService<StartupPreparation>().Prepared;
        return app.Use(async (context, next) =>
        {
            if (!prepared.IsCompletedSuccessfully)
            {
                try
                {
                    await prepared.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (prepared.IsFaulted)
                {
                    await Results.Problem(
                        title: "Governance is niet beschikbaar",
                        detail: "De installatie is nog niet volledig ingericht. De beheerder vindt de reden in het logboek van de server.",
                        statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
    }
}

/// <summary>
/// A background job waits for the start-up data before it runs: a recurring job that fell due while the app was down
/// would otherwise run at once, against a database that is still being migrated.
/// </summary>
internal sealed class StartupJobFilter(StartupPreparation preparation) : Hangfire.Common.IJobFilterProvider, Hangfire.Server.IServerFilter
{
    public IEnumerable<Hangfire.Common.JobFilter> GetFilters(Hangfire.Common.Job job) =>
        [new Hangfire.Common.JobFilter(this, Hangfire.Common.JobFilterScope.Global, order: null)];

    public void OnPerforming(Hangfire.Server.PerformingContext context) =>
        preparation.Prepared.Wait(context.CancellationToken.ShutdownToken);

    public void OnPerformed(Hangfire.Server.PerformedContext context)
    {
    }
}
