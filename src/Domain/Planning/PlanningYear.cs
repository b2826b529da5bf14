using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Planning;

/// <summary>
/// One year of a municipality's planning and control (P&amp;C) calendar, set by the administrator:
/// when the first management report (1e berap) of the year and the annual accounts (jaarrekening)
/// over the year go to the council, and the dates of the council meetings in the year.
/// </summary>
public sealed class PlanningYear : AggregateRoot, IMunicipalityOwned
{
    private List<DateOnly> _councilMeetings = [];

    private PlanningYear()
    {
    }

    public PlanningYear(MunicipalityId municipalityId, int year)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainRuleException($"Year {year} is out of range.");
        }

        Id = PlanningYearId.New();
        MunicipalityId = municipalityId;
        Year = year;
    }

    public PlanningYearId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The council date of the 1e berap of <see cref="Year"/>, which brings the figures over the first half-year.</summary>
    public DateOnly? FirstManagementReport { get; private set; }

    /// <summary>The council date of the jaarrekening over <see cref="Year"/>; it falls in the following year.</summary>
    public DateOnly? AnnualAccounts { get; private set; }

    public IReadOnlyList<DateOnly> CouncilMeetings => _councilMeetings;

    public void SetFirstManagementReport(DateOnly date)
    {
        if (date.Year != Year)
        {
            throw new DomainRuleException($"The 1e berap of {Year} is discussed in {Year}.");
        }

        FirstManagementReport = date;
    }

    public void SetAnnualAccounts(DateOnly date)
    {
        if (date.Year != Year + 1)
        {
            throw new DomainRuleException($"The jaarrekening over {Year} is discussed in {Year + 1}.");
        }

        AnnualAccounts = date;
    }

    public void SetCouncilMeetings(IEnumerable<DateOnly> dates)
    {
        var list = dates.Distinct().Order().ToList();
        if (list.Any(d => d.Year != Year))
        {
            throw new DomainRuleException($"Every council meeting of {Year} falls in {Year}.");
        }

        _councilMeetings = list;
    }
}

/// <summary>The P&amp;C calendar over several years, as the schedule reads it.</summary>
public sealed class PlanningCalendar(IEnumerable<PlanningYear> years)
{
    private readonly Dictionary<int, PlanningYear> _years = years.ToDictionary(y => y.Year);

    public static PlanningCalendar Empty { get; } = new([]);

    public PlanningYear? For(int year) => _years.GetValueOrDefault(year);

    /// <summary>The first council meeting on or after a date, looking into the next year too.</summary>
    public DateOnly? FirstCouncilMeetingOnOrAfter(DateOnly date) =>
        new[] { date.Year, date.Year + 1 }
            .Select(For)
            .Where(y => y is not null)
            .SelectMany(y => y!.CouncilMeetings)
            .Where(d => d >= date)
            .Order()
            .Cast<DateOnly?>()
            .FirstOrDefault();
}
