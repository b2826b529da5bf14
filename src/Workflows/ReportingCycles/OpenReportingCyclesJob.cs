using Governance.Domain.Planning;
using Governance.Workflows.Scheduling;
using Hangfire;
using Mediator;

namespace Governance.Workflows.ReportingCycles;

/// <summary>Opens the due cycles of every municipality; thin, retried, never two at once. Its report is kept as the job's result.</summary>
[AutomaticRetry(Attempts = 3)]
[RunsAlone(timeoutInSeconds: 600)]
public sealed class OpenReportingCyclesJob(ISender sender, TimeProvider time)
{
    public async Task<OpeningReport> ExecuteAsync(CancellationToken cancellationToken) =>
        await sender.Send(new OpenReportingCyclesCommand(MunicipalTime.Today(time)), cancellationToken);
}
