using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Support;

/// <summary>
/// A new installation: the app on an empty data folder outside demo mode, with only the first administrator configured,
/// its job server on (invitations are mailed to the pickup folder by the jobs, as in production), and Chromium.
/// Nothing is seeded and nothing is written to the database but by the app.
/// </summary>
public sealed partial class FirstRunFixture : IAsyncLifetime
{
    public const string AdministratorEmail = "beheer@heuvelland.test";
    public const string AdministratorPassword = "eerste beheerder heuvelland";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "governance-first-run", Guid.NewGuid().ToString("N"));
    private FirstRunApp? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>What the app logged as a warning or error, for a failing journey's message.</summary>
    public WarningLog Warnings { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var port = SingleSignOnFixture.FreePort();
        BaseAddress = new Uri($"http://localhost:{port}/");
        _app = new FirstRunApp(_folder, BaseAddress, Warnings);
        _app.UseKestrel(port);
        _app.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOVERNANCE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "nl-NL", ViewportSize = new() { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The link in the invitation e-mail the job server put in the pickup folder for <paramref name="email"/>, waiting up to three
    /// minutes for it to arrive: on a busy two-core CI machine the job workers can be a minute behind.
    /// </summary>
    public async Task<string> InvitationLinkAsync(string email)
    {
        for (var attempt = 0; attempt < 360; attempt++)
        {
            if (Directory.Exists(MailFolder))
            {
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml"))
                {
                    var eml = (await File.ReadAllTextAsync(file)).Replace("\r", "", StringComparison.Ordinal);
                    if (eml.Split('\n').Any(line => line.StartsWith("To:", StringComparison.Ordinal) && line.Contains(email, StringComparison.OrdinalIgnoreCase))
                        && InvitationLink().Match(eml) is { Success: true } link)
                    {
                        return new Uri(link.Value).PathAndQuery;
                    }
                }
            }

            await Task.Delay(500);
        }

        var found = Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder).Length : -1;
        throw new TimeoutException($"No invitation e-mail to {email} arrived in the pickup folder ({found} files in {MailFolder}).");
    }

    /// <summary>
    /// What the app and the browser were doing when a journey failed: the job server (queued, running and failed jobs,
    /// its heartbeat), the e-mails in the pickup folder, the newest notifications, and what each open page showed. Hangfire's
    /// own log goes to one process-wide provider (the last app of the test process to start), so it is read from its storage.
    /// </summary>
    public async Task<string> DescribeStateAsync()
    {
        var lines = new List<string> { "State at the failure:" };
        try
        {
            var jobs = _app!.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
            var statistics = jobs.GetStatistics();
            lines.Add($"  jobs: {statistics.Enqueued} queued, {statistics.Scheduled} scheduled, {statistics.Processing} running, {statistics.Succeeded} succeeded, {statistics.Failed} failed");
            lines.AddRange(jobs.Servers().Select(s => $"  job server {s.Name}: {s.WorkersCount} workers, heartbeat {s.Heartbeat:HH:mm:ss}"));
            lines.AddRange(jobs.ProcessingJobs(0, 10).Select(j => $"  running since {j.Value.StartedAt:HH:mm:ss}: {j.Value.Job?.Type.Name}.{j.Value.Job?.Method.Name}"));
            lines.AddRange(jobs.EnqueuedJobs("default", 0, 10).Select(j => $"  queued at {j.Value.EnqueuedAt:HH:mm:ss}: {j.Value.Job?.Type.Name}.{j.Value.Job?.Method.Name}"));
            lines.AddRange(jobs.FailedJobs(0, 5).Select(j => $"  failed at {j.Value.FailedAt:HH:mm:ss}: {j.Value.Job?.Type.Name}.{j.Value.Job?.Method.Name}: {j.Value.ExceptionMessage}"));
            // A job that failed and waits to be tried again is scheduled, with its failure in its history.
            foreach (var (id, job) in jobs.ScheduledJobs(0, 10))
            {
                var failure = jobs.JobDetails(id)?.History.FirstOrDefault(h => h.StateName == "Failed");
                lines.Add($"  scheduled for {job.EnqueueAt:HH:mm:ss}: {job.Job?.Type.Name}.{job.Job?.Method.Name}"
                          + (failure is null ? "" : $", after failing at {failure.CreatedAt:HH:mm:ss}: {(failure.Data.TryGetValue("ExceptionMessage", out var message) ? message : null)}"));
            }
            lines.Add($"  mail: {(Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder).Length : 0)} files in the pickup folder");

            await using var db = _app.Services.GetRequiredService<Governance.Domain.Persistence.ISystemDatabase>().CreateContext();
            var people = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email);
            var notices = await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAtUtc).Take(12).ToListAsync();
            lines.AddRange(notices.Select(n => $"  notice {n.CreatedAtUtc:HH:mm:ss} to {people.GetValueOrDefault(n.RecipientUserId)}{(n.ReadAtUtc is null ? "" : " (read)")}: {n.Subject}"));
        }
        catch (Exception e)
        {
            lines.Add($"  (the app's state could not be read: {e.Message})");
        }

        foreach (var page in Browser.Contexts.SelectMany(c => c.Pages))
        {
            try
            {
                var text = await page.Locator("main").First.InnerTextAsync(new() { Timeout = 2_000 });
                lines.Add($"  page {page.Url}: {string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(15))}");
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                lines.Add($"  page {page.Url}: ({e.Message.Split('\n')[0]})");
            }
        }

        return string.Join('\n', lines);
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

    [GeneratedRegex(@"https?://\S+/account/invitation\S+")]
    private static partial Regex InvitationLink();

    private sealed class FirstRunApp(string folder, Uri address, WarningLog warnings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(warnings));
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            builder.UseSetting("Governance:Demo", "false");
            builder.UseSetting("Governance:DataFolder", folder);
            builder.UseSetting("Governance:DatabaseProvider", "Sqlite");
            builder.UseSetting("Governance:ConnectionString", $"Data Source={Path.Combine(folder, "governance.db")}");
            builder.UseSetting("Governance:Jobs:RunServer", "true");
            builder.UseSetting("Governance:Mail:PickupFolder", Path.Combine(folder, "mail"));
            builder.UseSetting("Governance:Mail:BaseUrl", address.ToString().TrimEnd('/'));
            builder.UseSetting("Governance:FirstAdministrator:Email", AdministratorEmail);
            builder.UseSetting("Governance:FirstAdministrator:Password", AdministratorPassword);
            builder.UseSetting("Governance:FirstAdministrator:MunicipalityName", "Heuvelland");
            builder.UseSetting("Governance:FirstAdministrator:MunicipalityCode", "GM0888");
            builder.UseSetting("Governance:FirstAdministrator:DisplayName", "Bea Beheer");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FirstRunCollection : ICollectionFixture<FirstRunFixture>
{
    public const string Name = "first-run";
}
