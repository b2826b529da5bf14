using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;

namespace Governance.Domain.Tests.Planning;

/// <summary>A municipality's own year of the P&amp;C calendar: its council dates, meetings and closed days.</summary>
public class PlanningYearTests
{
    private static readonly MunicipalityId Maastricht = MunicipalityId.New();
    private static readonly WorkingDayCalendar Installation = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);

    [Fact]
    public void A_year_kept_by_the_municipality_replaces_the_installations_closed_days_in_that_year_only()
    {
        var year = new PlanningYear(Maastricht, 2026, [.. DutchPublicHolidays.Default, DutchHoliday.GoodFriday]);
        year.SetClosedDays([new DateOnly(2026, 5, 15)]);
        var workingDays = new PlanningCalendar([year]).WorkingDays(Installation);

        Assert.False(workingDays.IsWorkingDay(new DateOnly(2026, 4, 3)), "Good Friday 2026 is observed");
        Assert.False(workingDays.IsWorkingDay(new DateOnly(2026, 5, 15)), "the bridge day after Ascension is closed");
        Assert.False(workingDays.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.True(workingDays.IsWorkingDay(new DateOnly(2027, 3, 26)), "Good Friday 2027 follows the installation, which works");
    }

    [Fact]
    public void A_year_that_drops_a_holiday_makes_it_a_working_day()
    {
        var year = new PlanningYear(Maastricht, 2026, DutchPublicHolidays.Default.Where(h => h != DutchHoliday.LiberationDay));
        var workingDays = new PlanningCalendar([year]).WorkingDays(Installation);

        Assert.True(workingDays.IsWorkingDay(new DateOnly(2026, 5, 5)));
        Assert.False(workingDays.IsWorkingDay(new DateOnly(2027, 5, 5)));
    }

    [Fact]
    public void An_extra_closed_day_in_the_window_moves_a_quarterly_values_deadline_a_working_day_later()
    {
        var year = new PlanningYear(Maastricht, 2026);
        var calendar = new PlanningCalendar([year]);
        var before = new ReportingSchedule(calendar, calendar.WorkingDays(Installation), DeadlineRules.Default).DeadlinesFor(Cadence.Quarterly, ReportingPeriod.Quarter(2026, 1)).Value;

        year.SetClosedDays([new DateOnly(2026, 4, 10)]);
        var after = new ReportingSchedule(calendar, calendar.WorkingDays(Installation), DeadlineRules.Default).DeadlinesFor(Cadence.Quarterly, ReportingPeriod.Quarter(2026, 1)).Value;

        Assert.Equal(Installation.AddWorkingDays(before.ValuesDue, 1), after.ValuesDue);
    }

    [Fact]
    public void The_installations_holidays_are_read_back_per_year()
    {
        Assert.Equal(DutchPublicHolidays.Default.Order(), Installation.HolidaysIn(2026));
        Assert.Contains(DutchHoliday.GoodFriday, WorkingDayCalendar.Dutch([DutchHoliday.GoodFriday]).HolidaysIn(2030));
    }

    [Fact]
    public void Each_date_must_fall_in_the_year_it_belongs_to()
    {
        var year = new PlanningYear(Maastricht, 2026);

        Assert.Throws<DomainRuleException>(() => year.SetAnnualAccounts(new DateOnly(2026, 6, 9)));
        Assert.Throws<DomainRuleException>(() => year.SetSpringMemorandum(new DateOnly(2027, 6, 9)));
        Assert.Throws<DomainRuleException>(() => year.SetClosedDays([new DateOnly(2025, 12, 31)]));
        Assert.Throws<DomainRuleException>(() => year.SetCommitteeMeetings([new CommitteeMeeting(CommitteeId.New(), new DateOnly(2027, 1, 5))]));
        year.SetAnnualAccounts(new DateOnly(2027, 6, 8));
        year.SetBudget(new DateOnly(2026, 11, 10));
        Assert.Equal(new DateOnly(2027, 6, 8), year.AnnualAccounts);
        Assert.Equal(new DateOnly(2026, 11, 10), year.Budget);
    }

    [Fact]
    public void Committee_meetings_kept_keep_their_place_and_the_rest_are_replaced()
    {
        var committee = CommitteeId.New();
        var year = new PlanningYear(Maastricht, 2026);
        year.SetCommitteeMeetings([new(committee, new DateOnly(2026, 3, 2)), new(committee, new DateOnly(2026, 2, 2))]);
        var kept = year.CommitteeMeetings.Single(m => m.Date.Month == 3);

        year.SetCommitteeMeetings([new(committee, new DateOnly(2026, 3, 2)), new(committee, new DateOnly(2026, 4, 6))]);

        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 6)], year.CommitteeMeetings.Select(m => m.Date));
        Assert.Same(kept, year.CommitteeMeetings[0]);
    }
}
