using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Support;

/// <summary>
/// The real app on Kestrel (a free port, demo data on a fresh SQLite file) and Debian's Chromium
/// driven by Playwright. Shared by every journey in the collection.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "governance-e2e", Guid.NewGuid().ToString("N"));
    private DemoApp? _app;
    private IPlaywright? _playwright;
    private readonly SemaphoreSlim _letters = new(1, 1);
    private readonly ConcurrentDictionary<IBrowserContext, ConcurrentQueue<string>> _violations = new();
    private bool _lettersMade;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running app's services, for journeys that plant data as a background job or another team would.</summary>
    public IServiceProvider Services => _app!.Services;

    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(Screenshots);
        _app = new DemoApp(Path.Combine(_folder, "governance.db"));
        _app.UseKestrel(0);
        _app.StartServer();
        using (var client = _app.CreateClient())
        {
            BaseAddress = client.BaseAddress!;
        }

        // Open the due cycles and sweep the deadlines as the jobs would (the job server is off, for predictable tests).
        await OpenDueCyclesAsync();
        using (var scope = _app.Services.CreateScope())
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Workflows.ReportingCycles.SweepDeadlinesCommand(Domain.Planning.MunicipalTime.Today(time)));
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOVERNANCE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Runs the daily opening now, as its recurring job would.</summary>
    public async Task OpenDueCyclesAsync()
    {
        using var scope = _app!.Services.CreateScope();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Workflows.ReportingCycles.OpenReportingCyclesCommand(Domain.Planning.MunicipalTime.Today(time)));
    }

    /// <summary>The demo's letters of "Vinger aan de pols" (one sent, one in approval), made once for the journeys that need them.</summary>
    public async Task MakeDemoLettersAsync()
    {
        await _letters.WaitAsync();
        try
        {
            if (!_lettersMade)
            {
                var letters = ActivatorUtilities.CreateInstance<Governance.Web.Hosting.Seeding.DemoLetters>(_app!.Services);
                Assert.True(await letters.MakeSentAndInApprovalAsync(CancellationToken.None), "the demo has two open quarters of Vinger aan de pols");
                _lettersMade = true;
            }
        }
        finally
        {
            _letters.Release();
        }
    }

    /// <summary>A page in a fresh browser context; what the browser refuses under the Content-Security-Policy is kept for <see cref="CloseAsync"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "nl-NL", ViewportSize = new() { Width = 1400, Height = 900 } });
        var violations = _violations.GetOrAdd(context, _ => new ConcurrentQueue<string>());
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        return await context.NewPageAsync();
    }

    /// <summary>Closes the page's browser context; the journey fails when the browser refused anything under the Content-Security-Policy.</summary>
    public async Task CloseAsync(IPage page)
    {
        await page.Context.CloseAsync();
        Assert.True(_violations.TryRemove(page.Context, out var violations), "the page was not opened by NewPageAsync");
        Assert.True(violations.IsEmpty, "The Content-Security-Policy refused:\n" + string.Join('\n', violations));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder cleanup.
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }

    private sealed class DemoApp(string databaseFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Scopes are checked as in Development (the `dotnet run` demo): a scoped service taken from the root fails here too.
            builder.UseDefaultServiceProvider(options => options.ValidateScopes = true);
            // Outside Development the framework and MudBlazor files come from the static web assets manifest only when asked.
            builder.UseStaticWebAssets();
            builder.UseSetting("Governance:Demo", "true");
            builder.UseSetting("Governance:Jobs:RunServer", "false");
            builder.UseSetting("Governance:DatabaseProvider", "Sqlite");
            builder.UseSetting("Governance:ConnectionString", $"Data Source={databaseFile}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
