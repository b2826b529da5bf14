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
