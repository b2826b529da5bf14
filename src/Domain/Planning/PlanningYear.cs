using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;

namespace Governance.Domain.Planning;

/// <summary>
/// One year of a municipality's planning and control (P&amp;C) calendar, kept by the administrator: the council
/// dates of the P&amp;C documents (1e berap, jaarrekening, voorjaarsnota, begroting), the council's meetings and its
/// committees' meetings, and the days the offices are closed (the public holidays observed, and extra closed days).
/// Deadlines counted in working days and the reports that must reach a council date are planned from it.
/// </summary>
public sealed class PlanningYear : AggregateRoot, IMunicipalityOwned
{
    public const int MaxDates = 200;

    private List<DateOnly> _councilMeetings = [];
    private readonly List<CommitteeMeeting> _committeeMeetings = [];
    private List<DutchHoliday> _holidays = [];
    private List<DateOnly> _closedDays = [];

    private PlanningYear()
    {
    }

    /// <summary>A new year observing the given public holidays (the installation's set, when a municipality starts one).</summary>
    public PlanningYear(MunicipalityId municipalityId, int year, IEnumerable<DutchHoliday>? holidays = null)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainRuleException($"Year {year} is out of range.");
        }

        Id = PlanningYearId.New();
        MunicipalityId = municipalityId;
        Year = year;
        SetHolidays(holidays ?? DutchPublicHolidays.Default);
    }

    public PlanningYearId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The council date of the 1e berap of <see cref="Year"/>, which brings the figures over the first half-year.</summary>
    public DateOnly? FirstManagementReport { get; private set; }

    /// <summary>The council date of the jaarrekening over <see cref="Year"/>; it falls in the following year.</summary>
    public DateOnly? AnnualAccounts { get; private set; }

    /// <summary>The council date of the voorjaarsnota of <see cref="Year"/>.</summary>
    public DateOnly? SpringMemorandum { get; private set; }

    /// <summary>The council date of the begroting for the next year, discussed in the autumn of <see cref="Year"/>.</summary>
    public DateOnly? Budget { get; private set; }

    public IReadOnlyList<DateOnly> CouncilMeetings => _councilMeetings;

    public IReadOnlyList<CommitteeMeeting> CommitteeMeetings => [.. _committeeMeetings.OrderBy(m => m.Date)];

    /// <summary>The public holidays the offices close on this year.</summary>
    public IReadOnlyList<DutchHoliday> Holidays => _holidays;

    /// <summary>Extra days the offices are closed this year (a bridge day, the week between Christmas and New Year).</summary>
    public IReadOnlyList<DateOnly> ClosedDays => _closedDays;

    /// <summary>Every closed day of the year: the observed holidays and the extra closed days.</summary>
    public IEnumerable<DateOnly> AllClosedDays => _holidays.Select(h => DutchPublicHolidays.DateOf(h, Year)).Concat(_closedDays);

    public void SetFirstManagementReport(DateOnly? date)
    {
        if (date is { } d && d.Year != Year)
        {
            throw new DomainRuleException($"The 1e berap of {Year} is discussed in {Year}.");
        }

        FirstManagementReport = date;
    }

    public void SetAnnualAccounts(DateOnly? date)
    {
        if (date is { } d && d.Year != Year + 1)
        {
            throw new DomainRuleException($"The jaarrekening over {Year} is discussed in {Year + 1}.");
        }

        AnnualAccounts = date;
    }

    public void SetSpringMemorandum(DateOnly? date)
    {
        if (date is { } d && d.Year != Year)
        {
            throw new DomainRuleException($"The voorjaarsnota of {Year} is discussed in {Year}.");
        }

        SpringMemorandum = date;
    }

    public void SetBudget(DateOnly? date)
    {
        if (date is { } d && d.Year != Year)
        {
            throw new DomainRuleException($"The begroting discussed in {Year} has its council date in {Year}.");
        }

        Budget = date;
    }

    public void SetCouncilMeetings(IEnumerable<DateOnly> dates) => _councilMeetings = InYear(dates, "council meeting");

    /// <summary>Replaces the committees' meetings; a meeting kept keeps its row.</summary>
    public void SetCommitteeMeetings(IEnumerable<CommitteeMeeting> meetings)
    {
        var wanted = meetings.Distinct().ToList();
        if (wanted.Any(m => m.Date.Year != Year))
        {
            throw new DomainRuleException($"Every committee meeting of {Year} falls in {Year}.");
        }

        if (wanted.Count > MaxDates * 4)
        {
            throw new DomainRuleException($"A year holds at most {MaxDates * 4} committee meetings.");
        }

        _committeeMeetings.RemoveAll(m => !wanted.Contains(m));
        _committeeMeetings.AddRange(wanted.Where(m => !_committeeMeetings.Contains(m)));
    }

    public void SetHolidays(IEnumerable<DutchHoliday> holidays)
    {
        var list = holidays.Distinct().Order().ToList();
        if (list.Any(h => !Enum.IsDefined(h)))
        {
            throw new DomainRuleException("Unknown public holiday.");
        }

        _holidays = list;
    }

    public void SetClosedDays(IEnumerable<DateOnly> dates) => _closedDays = InYear(dates, "extra closed day");

    private List<DateOnly> InYear(IEnumerable<DateOnly> dates, string what)
    {
        var list = dates.Distinct().Order().ToList();
        if (list.Any(d => d.Year != Year))
        {
            throw new DomainRuleException($"Every {what} of {Year} falls in {Year}.");
        }

        if (list.Count > MaxDates)
        {
            throw new DomainRuleException($"A year holds at most {MaxDates} dates of each kind.");
        }

        return list;
    }
}

/// <summary>A meeting of one of the council's committees.</summary>
public sealed record CommitteeMeeting(CommitteeId CommitteeId, DateOnly Date);

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

    /// <summary>
    /// The municipality's working days: in a year it keeps a calendar for, that year's holidays and closed days;
    /// in any other year, the installation's.
    /// </summary>
    public WorkingDayCalendar WorkingDays(WorkingDayCalendar installation) =>
        _years.Count == 0 ? installation : installation.OverriddenBy(_years.Values.ToDictionary(y => y.Year, y => y.AllClosedDays));
}
