using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Accounts;

/// <summary>Removes the sign-in sessions that can no longer be used: ended by signing out, or older than their lifetime.</summary>
public sealed record RemoveEndedSessionsCommand : ICommand<int>;

public sealed class RemoveEndedSessionsHandler(ISystemDatabase database, TimeProvider time) : ICommandHandler<RemoveEndedSessionsCommand, int>
{
    public async ValueTask<int> Handle(RemoveEndedSessionsCommand command, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var startedAfter = SignInSession.StartedAfter(time.GetUtcNow().UtcDateTime);
        return await db.SignInSessions.Where(s => s.EndedAtUtc != null || s.StartedAtUtc <= startedAfter).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>The nightly clean-up of sign-in sessions; safe to run twice.</summary>
public sealed class RemoveEndedSessionsJob(ISender sender)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await sender.Send(new RemoveEndedSessionsCommand(), cancellationToken);
}
