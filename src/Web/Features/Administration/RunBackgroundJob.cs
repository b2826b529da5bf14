using Governance.Domain.Common;
using Governance.Workflows.Scheduling;
using Hangfire;
using Mediator;

namespace Governance.Web.Features.Administration;

/// <summary>The Beheerder starts a recurring job now (it also keeps its schedule).</summary>
public sealed record RunBackgroundJobCommand(string Id) : ICommand<Result>;

public sealed class RunBackgroundJobHandler(IRecurringJobManager jobs) : ICommandHandler<RunBackgroundJobCommand, Result>
{
    public ValueTask<Result> Handle(RunBackgroundJobCommand command, CancellationToken cancellationToken)
    {
        if (!RecurringJobs.All.Contains(command.Id))
        {
            return ValueTask.FromResult<Result>(new NotFound($"Job {command.Id}"));
        }

        jobs.Trigger(command.Id);
        return ValueTask.FromResult(Result.Success());
    }
}
