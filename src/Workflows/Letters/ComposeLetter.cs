using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>
/// A drafter composes the letter of a complete cycle by hand: the first time when the background job has not
/// run yet, or again after values changed (a new version; the previous one stays for comparison).
/// </summary>
public sealed record ComposeLetterCommand(Guid CycleId, LetterActor Actor) : ICommand<Result<Guid>>;

public sealed class ComposeLetterHandler(IDbContextFactory<GovernanceDbContext> dbFactory, LetterComposer composer) : ICommandHandler<ComposeLetterCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ComposeLetterCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ReportingCycleId(command.CycleId);
        // The cycle is read first: it is filtered to the user's municipality, its tasks are not.
        var teams = await db.ReportingCycles.Where(c => c.Id == id).SelectMany(c => c.Tasks).Select(t => t.TeamId).Distinct().ToListAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return new NotFound("Reporting cycle");
        }

        if (command.Actor.TeamId is not { } team || teams.All(t => t.Value != team))
        {
            return new Forbidden("Alleen medewerkers van een team dat in deze rapportage aanleverde, stellen de brief samen.");
        }

        var composed = await composer.ComposeAsync(db, id, command.Actor.Name, cancellationToken);
        return composed.Succeeded ? composed.Value.Value : composed.Error;
    }
}
