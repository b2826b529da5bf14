using Governance.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>Settings of letters (section Governance:Letters): the pattern of reference numbers.</summary>
public sealed class LetterRules
{
    /// <summary>"{year}.{number:00000}" gives "2025.03355"; numbers count per municipality per year, without gaps.</summary>
    public string ReferencePattern { get; set; } = LetterReference.DefaultPattern;
}

/// <summary>Who takes a step on a letter, as the host knows them.</summary>
public sealed record LetterActor(string? UserId, string Name, Guid? TeamId, Guid? AldermanId);

/// <summary>A letter with what its steps need: its cycle (with tasks) and the aldermen who must approve it.</summary>
internal sealed record LetterContext(CouncilLetter Letter, Domain.ReportingCycles.ReportingCycle Cycle, IReadOnlyList<Domain.Organisation.AldermanId> Aldermen)
{
    public bool AllApprovalsIn() => Letter.AllApprovalsIn(Aldermen);

    public bool IsDrafter(LetterActor actor) => actor.TeamId is { } team && Cycle.Tasks.Any(t => t.TeamId.Value == team);

    public bool IsResponsible(LetterActor actor) => actor.AldermanId is { } alderman && Aldermen.Any(a => a.Value == alderman);
}

internal static class LetterLoading
{
    public static async Task<LetterContext?> LoadAsync(Domain.Persistence.GovernanceDbContext db, Guid letterId, CancellationToken cancellationToken)
    {
        var id = new CouncilLetterId(letterId);
        var letter = await db.CouncilLetters.Include(l => l.Versions).Include(l => l.Approvals).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return null;
        }

        var cycle = await db.ReportingCycles.Include(c => c.Tasks).SingleAsync(c => c.Id == letter.CycleId, cancellationToken);
        var obligation = await db.Obligations.AsNoTracking().SingleAsync(o => o.Id == cycle.ObligationId, cancellationToken);
        return new LetterContext(letter, cycle, obligation.ResponsibleAldermen);
    }
}
