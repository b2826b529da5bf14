using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Web.Features.Accounts;
using Governance.Web.Hosting;
using Governance.Workflows.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Web.Tests.Support;

/// <summary>
/// The account journeys over HTTP as a browser makes them: the real forms with their antiforgery tokens, the real
/// e-mails from the pickup folder (the queued job is run here, as the job server would), and authenticator codes
/// computed as an authenticator app does (RFC 6238).
/// </summary>
public static partial class AccountFlows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Password = "een zin van een paar woorden";

    public static HttpClient Browser(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Invites a person through the API as <paramref name="admin"/>; returns the new account's id.</summary>
    public static async Task<string> InviteAsync(HttpClient admin, string email, string name, string[] roles, Guid? teamId = null, Guid? aldermanId = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/users", new { email, displayName = name, roles, teamId, aldermanId }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetString()!;
    }

    /// <summary>Runs the e-mail job the invitation or reset queued, and returns the one-time link of the e-mail it wrote.</summary>
    public static async Task<string> MailedLinkAsync(WebApplicationFactory<Program> app, string userId, AccountMail kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var mailer = (Mailer)app.Services.GetRequiredService<IMailer>();
        var folder = mailer.PickupFolder(app.Services.GetRequiredService<IOptions<GovernanceSettings>>().Value.Mail);
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").ToHashSet() : [];
        await ActivatorUtilities.CreateInstance<AccountMailJob>(scope.ServiceProvider).SendAsync(userId, kind, CancellationToken.None);
        var written = Directory.GetFiles(folder, "*.eml").Where(f => !before.Contains(f)).ToList();
        var eml = await File.ReadAllTextAsync(Assert.Single(written));
        return new Uri(Link().Match(eml).Value).PathAndQuery;
    }

    /// <summary>Opens a page with a form, fills it in and posts it as the browser would (to the page's own address).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string form, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var content = new Dictionary<string, string>(fields)
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = Token().Match(page).Groups["token"].Value,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    /// <summary>Accepts an invitation with <see cref="Password"/>; the client is then signed in.</summary>
    public static async Task AcceptAsync(HttpClient client, string link)
    {
        using var accepted = await SubmitAsync(client, link, "invitation", new() { ["Input.Password"] = Password, ["Input.Repeat"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    /// <summary>Posts the sign-in form; returns where it sent the browser.</summary>
    public static async Task<string> SignInAtAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Token().Match(form).Groups["token"].Value,
        }));
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The code an authenticator app shows for this key now (RFC 6238: 30-second steps, six digits, HMAC-SHA1).</summary>
    public static string AuthenticatorCode(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"https?://\S+/account/\S+")]
    private static partial Regex Link();
}
