using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Governance.Benchmarks;

/// <summary>Request times against the in-process test server (no network in them), and signing in to it.</summary>
internal static partial class RequestTimes
{
    public const int Requests = 200;

    /// <summary>
    /// The 95th percentile of <see cref="Requests"/> GETs of <paramref name="url"/>, after <paramref name="warmUp"/> that are
    /// not counted; each warm-up answer must succeed and pass <paramref name="check"/> (a message when it does not).
    /// </summary>
    public static async Task<Measure> P95Async(HttpClient client, string url, string name, int warmUp = 20, Func<string, string?>? check = null)
    {
        for (var i = 0; i < warmUp; i++)
        {
            using var warm = await client.GetAsync(url);
            var text = await warm.Content.ReadAsStringAsync();
            if (!warm.IsSuccessStatusCode || check?.Invoke(text) is { } wrong)
            {
                throw new InvalidOperationException($"{url}: {warm.StatusCode} {(warm.IsSuccessStatusCode ? check!(text) : text)}");
            }
        }

        var times = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return Percentile95(times, name, "< 100 ms");
    }

    public static Measure Percentile95(List<double> times, string name, string target)
    {
        times.Sort();
        return new Measure($"{name}: p95 of {times.Count} requests (median {times[times.Count / 2]:N1} ms)", target, times[(int)(times.Count * 0.95) - 1], null, null);
    }

    /// <summary>Signs in through the sign-in form, as a browser does; the client keeps the cookie.</summary>
    public static async Task<bool> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = Token().Match(form).Groups["token"].Value,
        });
        using var response = await client.PostAsync("/account/login", content);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
