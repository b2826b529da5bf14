using Governance.Domain.Letters;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>A municipality's next reference number, for its own letters and its sendings of regional ones.</summary>
public static class LetterReferences
{
    /// <summary>
    /// Takes the next number of the municipality's series for the year (Dutch time) and formats it; saved with the rest of
    /// the change, so numbers are unique and without gaps (two at once collide on the counter's version).
    /// </summary>
    public static async Task<string> NextAsync(GovernanceDbContext db, MunicipalityId municipality, DateTime nowUtc, string pattern, CancellationToken cancellationToken)
    {
        var year = MunicipalTime.ToLocal(nowUtc).Year;
        var counter = await db.LetterReferenceCounters.SingleOrDefaultAsync(c => c.MunicipalityId == municipality && c.Year == year, cancellationToken);
        if (counter is null)
        {
            counter = new LetterReferenceCounter(municipality, year);
            db.LetterReferenceCounters.Add(counter);
        }

        return LetterReference.Format(pattern, year, counter.Next());
    }
}
