namespace Governance.Domain.Planning;

/// <summary>The Dutch public holidays a municipality may close on; which ones count is configuration.</summary>
public enum DutchHoliday
{
    NewYearsDay,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    KingsDay,
    LiberationDay,
    AscensionDay,
    WhitSunday,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
}

public static class DutchPublicHolidays
{
    /// <summary>The usual set for municipal offices: all except Good Friday; Liberation Day every year.</summary>
    public static IReadOnlyList<DutchHoliday> Default { get; } =
    [
        DutchHoliday.NewYearsDay, DutchHoliday.EasterSunday, DutchHoliday.EasterMonday, DutchHoliday.KingsDay,
        DutchHoliday.LiberationDay, DutchHoliday.AscensionDay, DutchHoliday.WhitSunday, DutchHoliday.WhitMonday,
        DutchHoliday.ChristmasDay, DutchHoliday.BoxingDay,
    ];

    public static DateOnly DateOf(DutchHoliday holiday, int year)
    {
        var easter = EasterSunday(year);
        return holiday switch
        {
            DutchHoliday.NewYearsDay => new DateOnly(year, 1, 1),
            DutchHoliday.GoodFriday => easter.AddDays(-2),
            DutchHoliday.EasterSunday => easter,
            DutchHoliday.EasterMonday => easter.AddDays(1),
            // King's Day moves to the 26th when the 27th is a Sunday.
            DutchHoliday.KingsDay => new DateOnly(year, 4, 27).DayOfWeek == DayOfWeek.Sunday
                ? new DateOnly(year, 4, 26)
                : new DateOnly(year, 4, 27),
            DutchHoliday.LiberationDay => new DateOnly(year, 5, 5),
            DutchHoliday.AscensionDay => easter.AddDays(39),
            DutchHoliday.WhitSunday => easter.AddDays(49),
            DutchHoliday.WhitMonday => easter.AddDays(50),
            DutchHoliday.ChristmasDay => new DateOnly(year, 12, 25),
            DutchHoliday.BoxingDay => new DateOnly(year, 12, 26),
        };
    }

    public static IEnumerable<DateOnly> Between(int firstYear, int lastYear, IEnumerable<DutchHoliday> holidays)
    {
        var list = holidays.ToList();
        for (var year = firstYear; year <= lastYear; year++)
        {
            foreach (var holiday in list)
            {
                yield return DateOf(holiday, year);
            }
        }
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
