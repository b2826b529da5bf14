using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Support;

/// <summary>
/// The app in demo mode with single sign-on through a real OpenID Connect provider (oidc-provider on Node.js, its own
/// process, installed into .tools/ when missing), and Chromium. The provider knows Anouk (the griffie), Sanne (staff,
/// whose groups give her roles) and Maurice (the team lead, whose account is deactivated in Governance).
/// </summary>
public sealed class SingleSignOnFixture : IAsyncLifetime
{
    public const string ProviderName = "Testgemeente ID";
    private const string ProviderVersion = "9.13.3";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "governance-sso", Guid.NewGuid().ToString("N"));
    private Process? _provider;
    private SsoApp? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var providerPort = FreePort();
        var appPort = FreePort();
        BaseAddress = new Uri($"http://localhost:{appPort}/");
        _provider = await StartProviderAsync(providerPort, appPort);

        _app = new SsoApp(Path.Combine(_folder, "governance.db"), providerPort);
        _app.UseKestrel(appPort);
        _app.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOVERNANCE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "nl-NL", ViewportSize = new() { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
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

        if (_provider is { HasExited: false })
        {
            _provider.Kill(entireProcessTree: true);
            await _provider.WaitForExitAsync();
        }

        _provider?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder cleanup.
        }
    }

    private static async Task<Process> StartProviderAsync(int port, int appPort)
    {
        var root = AppFixture.RepositoryRoot();
        var module = Path.Combine(root, ".tools", "node_modules", "oidc-provider", "lib", "index.js");
        if (!File.Exists(module))
        {
            await RunAsync("npm", $"install --silent --no-audit --no-fund --prefix \"{Path.Combine(root, ".tools")}\" oidc-provider@{ProviderVersion}", root);
        }

        var start = new ProcessStartInfo("node", $"\"{Path.Combine(root, "tests", "Web.EndToEnd", "Support", "oidc-provider.mjs")}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OIDC_PROVIDER_MODULE"] = new Uri(module).AbsoluteUri;
        start.Environment["OIDC_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OIDC_CLIENT_ID"] = SsoApp.ClientId;
        start.Environment["OIDC_CLIENT_SECRET"] = SsoApp.ClientSecret;
        start.Environment["OIDC_REDIRECT_URI"] = $"http://localhost:{appPort}/signin-oidc";
        start.Environment["OIDC_POST_LOGOUT_REDIRECT_URI"] = $"http://localhost:{appPort}/signout-callback-oidc";
        start.Environment["OIDC_ACCOUNTS"] = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["anouk"] = new { email = "griffie@maastricht.demo", email_verified = true, name = "Anouk Janssen", groups = new[] { "gov-griffie" } },
            ["sanne"] = new { email = "medewerker@maastricht.demo", email_verified = true, name = "Sanne Peeters", groups = new[] { "gov-medewerker", "gov-raad" } },
            ["maurice"] = new { email = "teamleider@maastricht.demo", email_verified = true, name = "Maurice Hermans", groups = Array.Empty<string>() },
            ["niet-geverifieerd"] = new { email = "raadslid@maastricht.demo", email_verified = false, name = "Onbevestigd", groups = Array.Empty<string>() },
        });
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready?.Contains("ready", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"oidc-provider did not start: {ready} {await process.StandardError.ReadToEndAsync()}");
        }

        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task RunAsync(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{file} did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed with exit code {process.ExitCode}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SsoApp(string databaseFile, int providerPort) : WebApplicationFactory<Program>
    {
        public const string ClientId = "governance";
        public const string ClientSecret = "only-for-the-single-sign-on-journeys";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            builder.UseSetting("Governance:Demo", "true");
            builder.UseSetting("Governance:Jobs:RunServer", "false");
            builder.UseSetting("Governance:DatabaseProvider", "Sqlite");
            builder.UseSetting("Governance:ConnectionString", $"Data Source={databaseFile}");
            builder.UseSetting("Governance:SingleSignOn:Authority", $"http://localhost:{providerPort}");
            builder.UseSetting("Governance:SingleSignOn:ClientId", ClientId);
            builder.UseSetting("Governance:SingleSignOn:ClientSecret", ClientSecret);
            builder.UseSetting("Governance:SingleSignOn:DisplayName", ProviderName);
            builder.UseSetting("Governance:SingleSignOn:RequireHttpsMetadata", "false");
            builder.UseSetting("Governance:SingleSignOn:GroupClaim", "groups");
            builder.UseSetting("Governance:SingleSignOn:RoleGroups:gov-griffie", "Griffie");
            builder.UseSetting("Governance:SingleSignOn:RoleGroups:gov-medewerker", "Medewerker");
            builder.UseSetting("Governance:SingleSignOn:RoleGroups:gov-raad", "Raadslid");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SingleSignOnCollection : ICollectionFixture<SingleSignOnFixture>
{
    public const string Name = "single-sign-on";
}
