using Governance.Domain.Planning;
using Governance.Workflows.Scheduling;
using Hangfire;
using Mediator;

namespace Governance.Workflows.ReportingCycles;

/// <summary>Fires the due reminders and escalations; thin, retried, never two at once.</summary>
[AutomaticRetry(Attempts = 3)]
[RunsAlone(timeoutInSeconds: 600)]
public sealed class SweepDeadlinesJob(ISender sender, TimeProvider time)
{
    public async Task<SweepReport> ExecuteAsync(CancellationToken cancellationToken) =>
        await sender.Send(new SweepDeadlinesCommand(MunicipalTime.Today(time)), cancellationToken);
}
