using System.Net;
using System.Text.RegularExpressions;
using Governance.Web.Hosting.Seeding;

namespace Governance.Web.Tests.Support;

public static partial class HttpClientExtensions
{
    /// <summary>Signs in through the real sign-in form, antiforgery token and all.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = DemoUsers.Password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = Token().Match(form).Groups["token"].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/login", content);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode} {response.Headers.Location}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
