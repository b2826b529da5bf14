using Governance.Domain.Planning;

namespace Governance.Domain.Tests.Planning;

public class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2030, 4, 21)]
    public void Easter_falls_on_the_known_dates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DutchPublicHolidays.EasterSunday(year));

    [Fact]
    public void Kings_day_moves_to_the_26th_when_the_27th_is_a_Sunday()
    {
        Assert.Equal(new DateOnly(2025, 4, 26), DutchPublicHolidays.DateOf(DutchHoliday.KingsDay, 2025));
        Assert.Equal(new DateOnly(2024, 4, 27), DutchPublicHolidays.DateOf(DutchHoliday.KingsDay, 2024));
    }

    [Fact]
    public void Weekends_and_holidays_are_not_working_days()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2025, 11, 29)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2025, 12, 25)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2025, 5, 29)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2025, 11, 25)));
    }

    [Fact]
    public void Good_Friday_is_a_working_day_by_default_and_a_holiday_when_configured()
    {
        var goodFriday = new DateOnly(2025, 4, 18);
        Assert.True(_calendar.IsWorkingDay(goodFriday));
        Assert.False(WorkingDayCalendar.Dutch([DutchHoliday.GoodFriday]).IsWorkingDay(goodFriday));
    }

    [Fact]
    public void Counting_over_Christmas_and_New_Year_skips_the_holidays_and_the_weekend()
    {
        // Tue 23 Dec 2025 + 3 working days: Wed 24, (25, 26 holidays, 27-28 weekend) Mon 29, Tue 30.
        Assert.Equal(new DateOnly(2025, 12, 30), _calendar.AddWorkingDays(new DateOnly(2025, 12, 23), 3));
        // Wed 31 Dec 2025 + 1: Thu 1 Jan is New Year's Day, so Fri 2 Jan 2026.
        Assert.Equal(new DateOnly(2026, 1, 2), _calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 1));
    }

    [Fact]
    public void Counting_backwards_skips_the_same_days()
    {
        Assert.Equal(new DateOnly(2025, 12, 24), _calendar.AddWorkingDays(new DateOnly(2025, 12, 29), -1));
        Assert.Equal(new DateOnly(2025, 4, 25), _calendar.AddWorkingDays(new DateOnly(2025, 4, 28), -1));
    }

    [Fact]
    public void Extra_closing_days_count_as_holidays()
    {
        var calendar = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default, [new DateOnly(2025, 12, 29)]);
        Assert.Equal(new DateOnly(2025, 12, 30), calendar.AddWorkingDays(new DateOnly(2025, 12, 24), 1));
    }

    [Fact]
    public void On_or_before_moves_a_weekend_day_to_the_Friday() =>
        Assert.Equal(new DateOnly(2025, 11, 28), _calendar.OnOrBefore(new DateOnly(2025, 11, 30)));
}
