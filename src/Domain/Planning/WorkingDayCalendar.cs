namespace Governance.Domain.Planning;

/// <summary>
/// Working days of a municipality: Monday to Friday, except the configured public holidays
/// and any extra closing days. Deadlines counted in working days skip the rest.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _closed;

    public WorkingDayCalendar(IEnumerable<DateOnly> closedDays) => _closed = [.. closedDays];

    /// <summary>A calendar with the given Dutch holidays for a generous range of years, plus extra closing days.</summary>
    public static WorkingDayCalendar Dutch(IEnumerable<DutchHoliday> holidays, IEnumerable<DateOnly>? extraClosedDays = null) =>
        new(DutchPublicHolidays.Between(2000, 2100, holidays).Concat(extraClosedDays ?? []));

    /// <summary>The same calendar, with the closed days of some years replaced by those given.</summary>
    public WorkingDayCalendar OverriddenBy(IReadOnlyDictionary<int, IEnumerable<DateOnly>> closedDaysPerYear) =>
        new(_closed.Where(d => !closedDaysPerYear.ContainsKey(d.Year)).Concat(closedDaysPerYear.Values.SelectMany(d => d)));

    /// <summary>Whether the offices close on a date besides the weekend (a holiday observed, or an extra closed day).</summary>
    public bool IsClosed(DateOnly date) => _closed.Contains(date);

    /// <summary>The public holidays observed in a year.</summary>
    public IReadOnlyList<DutchHoliday> HolidaysIn(int year) =>
        [.. Enum.GetValues<DutchHoliday>().Where(h => IsClosed(DutchPublicHolidays.DateOf(h, year)))];

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_closed.Contains(date);

    /// <summary>Moves <paramref name="days"/> working days forward (or backward when negative). Zero returns the date itself.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        var remaining = Math.Abs(days);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
