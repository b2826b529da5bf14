using Governance.Domain.ReportingCycles;

namespace Governance.Domain.Obligations;

/// <summary>How often an obligation is reported on.</summary>
public enum Cadence
{
    /// <summary>Four times a year ("vier maal per jaar"), one report per quarter.</summary>
    Quarterly,

    /// <summary>
    /// Twice a year within the planning &amp; control cycle: the first half-year with the 1e berap,
    /// the whole year with the jaarrekening.
    /// </summary>
    HalfYearly,

    Yearly,

    /// <summary>One report, due on the obligation's due date.</summary>
    Once,
}

public static class CadenceExtensions
{
    public static bool IsRecurring(this Cadence cadence) => cadence != Cadence.Once;

    /// <summary>The periods of a recurring cadence that end within [from, to], in order.</summary>
    public static IEnumerable<ReportingPeriod> PeriodsEndingBetween(this Cadence cadence, DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            IEnumerable<ReportingPeriod> periods = cadence switch
            {
                Cadence.Quarterly => Enumerable.Range(1, 4).Select(q => ReportingPeriod.Quarter(year, q)),
                Cadence.HalfYearly => [ReportingPeriod.HalfYear(year, 1), ReportingPeriod.FullYear(year)],
                Cadence.Yearly => [ReportingPeriod.FullYear(year)],
                Cadence.Once => [],
            };
            foreach (var period in periods.Where(p => p.End >= from && p.End <= to))
            {
                yield return period;
            }
        }
    }
}
