using Governance.Workflows.Letters;
using Mediator;

namespace Governance.Web.Features.Letters;

/// <summary><c>dotnet Governance.Web.dll verify-letters</c>: prints every finalised letter whose seal does not verify; exit code 1 if there is one.</summary>
public static class LetterSealCheck
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new VerifyLetterSealsCommand());
        foreach (var broken in report.Broken)
        {
            await Console.Out.WriteLineAsync($"BROKEN  {broken.Reference} (letter {broken.LetterId}, version {broken.Version}): its content no longer matches the seal");
        }

        await Console.Out.WriteLineAsync($"{report.Checked} finalised letters checked, {report.Broken.Count} with a broken seal");
        return report.AllVerify ? 0 : 1;
    }
}
