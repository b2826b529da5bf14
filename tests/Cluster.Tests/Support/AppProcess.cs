using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Governance.Cluster.Tests.Support;

/// <summary>
/// The app as a process of its own (the build output of src/Web, as `dotnet run` starts it), with its own data folder
/// and home folder, on the database it is given; its output goes to a log file for when a test fails.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    public const string Password = "Demo-Governance-2025";

    private readonly Process _process;

    private AppProcess(string name, string folder, Uri address, Process process)
    {
        Name = name;
        Folder = folder;
        Address = address;
        _process = process;
    }

    public string Name { get; }

    public string Folder { get; }

    public Uri Address { get; }

    public string LogFile => Path.Combine(Folder, "app.log");

    /// <summary>Where the process writes its e-mails (the demo has no SMTP server).</summary>
    public string MailFolder => Path.Combine(Folder, "data", "mail-pickup");

    public bool HasExited => _process.HasExited;

    public static AppProcess Start(string name, string root, string connectionString)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(folder, "home"));
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var web = Path.Combine(RepositoryRoot(), "src", "Web");
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(web, "bin", Configuration(), "net10.0", "Governance.Web.dll")])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["HOME"] = Path.Combine(folder, "home");
        start.Environment["Governance__Demo"] = "true";
        start.Environment["Governance__DatabaseProvider"] = "Postgres";
        start.Environment["Governance__ConnectionString"] = connectionString;
        start.Environment["Governance__DataFolder"] = Path.Combine(folder, "data");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Governance"] = "Information";
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(folder, "app.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(name, folder, address, process);
    }

    /// <summary>Until the sign-in page answers; fails with the end of the log when the process stops or takes too long.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} stopped (exit {_process.ExitCode}):\n{LogTail()}");
            }

            try
            {
                using var response = await client.GetAsync("/account/login");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} did not serve within {timeout.TotalSeconds:0} s:\n{LogTail()}");
    }

    /// <summary>A client signed in through the sign-in form, with the cookie in its own container.</summary>
    public async Task<HttpClient> SignedInAsync(string email, CookieContainer? cookies = null)
    {
        var client = Client(cookies ?? new CookieContainer());
        var form = await client.GetStringAsync("/account/login");
        var token = Token().Match(form).Groups["token"].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/login", content);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in as {email} on {Name} failed: {response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>A client of this process that sends what <paramref name="cookies"/> holds (for its address).</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>kill -9: no shutdown, no clean-up, as when a machine or container is lost.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public string LogTail() => File.Exists(LogFile) ? string.Join('\n', ReadShared(LogFile).Split('\n').TakeLast(60)) : "(no log)";

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Governance.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Governance.sln not found above the test's folder.");
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
