using Governance.Domain.Letters;
using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>
/// Checks every finalised letter of every municipality: its sealed version still hashes to the hash sealed at
/// finalisation (nothing changed behind the application's back). Run by <c>Governance.Web verify-letters</c>
/// and shown to the beheerder.
/// </summary>
public sealed record VerifyLetterSealsCommand : ICommand<LetterSealReport>;

public sealed record LetterSealReport(int Checked, IReadOnlyList<BrokenSeal> Broken)
{
    public bool AllVerify => Broken.Count == 0;
}

public sealed record BrokenSeal(Guid LetterId, string? Reference, int? Version);

public sealed class VerifyLetterSealsHandler(ISystemDatabase database) : ICommandHandler<VerifyLetterSealsCommand, LetterSealReport>
{
    private const int Batch = 500;

    public async ValueTask<LetterSealReport> Handle(VerifyLetterSealsCommand command, CancellationToken cancellationToken)
    {
        var broken = new List<BrokenSeal>();
        var count = 0;
        while (true)
        {
            await using var db = database.CreateContext();
            var query = db.CouncilLetters.AsNoTracking().Include(l => l.Versions)
                .Where(l => l.Status == CouncilLetterStatus.Finalised || l.Status == CouncilLetterStatus.Sent);
            var letters = await query.OrderBy(l => l.Id).Skip(count).Take(Batch).ToListAsync(cancellationToken);
            if (letters.Count == 0)
            {
                return new LetterSealReport(count, broken);
            }

            count += letters.Count;
            broken.AddRange(letters.Where(l => !l.VerifiesSeal()).Select(l => new BrokenSeal(l.Id.Value, l.Reference, l.FinalisedVersion)));
        }
    }
}
