namespace Governance.Web.Tests.Support;

/// <summary>
/// Python with Debian's packages (icalendar, feedparser, jsonschema; installed by scripts/test.sh): parsers and
/// validators nobody here wrote, to read back what the app publishes.
/// </summary>
internal static class Python
{
    /// <summary>Runs a Python script over <paramref name="input"/> on its standard input; its lines of output.</summary>
    public static async Task<List<string>> RunAsync(string input, string script, params string[] arguments)
    {
        // Debian's interpreter, where its packages are installed (another python3 may come first on the path).
        var python3 = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new System.Diagnostics.ProcessStartInfo(python3, ["-c", script, .. arguments])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var python = System.Diagnostics.Process.Start(start)!;
        await python.StandardInput.BaseStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(input));
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
