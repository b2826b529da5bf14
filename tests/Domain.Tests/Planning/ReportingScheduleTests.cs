using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;

namespace Governance.Domain.Tests.Planning;

public class ReportingScheduleTests
{
    private static readonly MunicipalityId Maastricht = MunicipalityId.New();
    private static readonly WorkingDayCalendar WorkingDays = WorkingDayCalendar.Dutch(DutchPublicHolidays.Default);

    private static PlanningYear Year(int year, DateOnly? berap = null, DateOnly? accounts = null, params DateOnly[] meetings)
    {
        var planning = new PlanningYear(Maastricht, year);
        if (berap is { } b)
        {
            planning.SetFirstManagementReport(b);
        }

        if (accounts is { } a)
        {
            planning.SetAnnualAccounts(a);
        }

        planning.SetCouncilMeetings(meetings);
        return planning;
    }

    private static ReportingSchedule Schedule(params PlanningYear[] years) =>
        new(new PlanningCalendar(years), WorkingDays, DeadlineRules.Default);

    [Fact]
    public void A_quarterly_cadence_is_due_every_quarter_that_ends_in_the_range_across_the_year_boundary()
    {
        var due = Schedule().DuePeriods(Cadence.Quarterly, new DateOnly(2025, 2, 1), new DateOnly(2026, 4, 15)).Value;
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"], due.Select(d => d.Period.Code));
    }

    [Fact]
    public void A_half_yearly_cadence_reports_the_first_half_with_the_berap_and_the_whole_year_with_the_accounts()
    {
        var schedule = Schedule(
            Year(2024, new DateOnly(2024, 9, 10), new DateOnly(2025, 6, 10)),
            Year(2025, new DateOnly(2025, 9, 9), new DateOnly(2026, 6, 9)));
        var due = schedule.DuePeriods(Cadence.HalfYearly, new DateOnly(2024, 3, 5), new DateOnly(2025, 12, 31)).Value;
        Assert.Equal(["2024-H1", "2024", "2025-H1", "2025"], due.Select(d => d.Period.Code));
    }

    [Fact]
    public void A_yearly_cadence_of_a_motion_until_2030_is_due_each_year()
    {
        var due = Schedule().DuePeriods(Cadence.Yearly, new DateOnly(2021, 7, 13), new DateOnly(2030, 12, 31)).Value;
        Assert.Equal(10, due.Count);
        Assert.Equal(ReportingPeriod.FullYear(2030), due[^1].Period);
    }

    [Fact]
    public void Quarterly_deadlines_count_working_days_forward_past_New_Year()
    {
        // Q4 2025 ends Wed 31 Dec; 1 Jan is a holiday. 15 working days: Thu 22 Jan 2026.
        var deadlines = Schedule().DeadlinesFor(Cadence.Quarterly, ReportingPeriod.Quarter(2025, 4)).Value;
        Assert.Equal(new DateOnly(2026, 1, 22), deadlines.ValuesDue);
        Assert.Equal(new DateOnly(2026, 1, 29), deadlines.DraftDue);
        Assert.Equal(new DateOnly(2026, 2, 5), deadlines.ApprovalsDue);
        Assert.Equal(new DateOnly(2026, 2, 10), deadlines.SendToCouncil);
    }

    [Fact]
    public void A_quarterly_report_goes_to_the_first_council_meeting_after_approval()
    {
        var schedule = Schedule(Year(2026, meetings: [new DateOnly(2026, 1, 27), new DateOnly(2026, 3, 10)]));
        var deadlines = schedule.DeadlinesFor(Cadence.Quarterly, ReportingPeriod.Quarter(2025, 4)).Value;
        Assert.Equal(new DateOnly(2026, 3, 10), deadlines.SendToCouncil);
    }

    [Fact]
    public void First_half_year_deadlines_count_back_from_the_berap()
    {
        var schedule = Schedule(Year(2025, new DateOnly(2025, 9, 9)));
        var deadlines = schedule.DeadlinesFor(Cadence.HalfYearly, ReportingPeriod.HalfYear(2025, 1)).Value;
        Assert.Equal(new DateOnly(2025, 9, 9), deadlines.SendToCouncil);
        Assert.Equal(new DateOnly(2025, 9, 4), deadlines.ApprovalsDue);
        Assert.Equal(new DateOnly(2025, 8, 28), deadlines.DraftDue);
        Assert.Equal(new DateOnly(2025, 8, 21), deadlines.ValuesDue);
    }

    [Fact]
    public void Whole_year_deadlines_count_back_from_the_accounts_skipping_Whit_Monday_and_Ascension_Day()
    {
        var schedule = Schedule(Year(2024, accounts: new DateOnly(2025, 6, 10)));
        var deadlines = schedule.DeadlinesFor(Cadence.HalfYearly, ReportingPeriod.FullYear(2024)).Value;
        Assert.Equal(new DateOnly(2025, 6, 4), deadlines.ApprovalsDue);
        Assert.Equal(new DateOnly(2025, 5, 27), deadlines.DraftDue);
        Assert.Equal(new DateOnly(2025, 5, 20), deadlines.ValuesDue);
    }

    [Fact]
    public void A_missing_planning_date_is_reported_not_guessed()
    {
        var result = Schedule(Year(2025)).DeadlinesFor(Cadence.HalfYearly, ReportingPeriod.HalfYear(2025, 1));
        var error = Assert.IsType<PlanningDateMissing>(result.Error);
        Assert.Equal(2025, error.Year);
        Assert.Equal("1e berap", error.What);
    }

    [Fact]
    public void A_berap_too_early_for_the_half_year_figures_is_refused()
    {
        var result = Schedule(Year(2025, new DateOnly(2025, 7, 8))).DeadlinesFor(Cadence.HalfYearly, ReportingPeriod.HalfYear(2025, 1));
        Assert.IsType<PlanningDateTooEarly>(result.Error);
    }

    [Fact]
    public void A_one_off_report_counts_back_from_its_due_date()
    {
        var due = Schedule().DuePeriods(Cadence.Once, new DateOnly(2025, 10, 7), new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 15)).Value;
        var single = Assert.Single(due);
        Assert.Equal(ReportingPeriod.OnDate(new DateOnly(2026, 12, 15)), single.Period);
        Assert.Equal(new DateOnly(2026, 12, 10), single.Deadlines.ApprovalsDue);
        Assert.Equal(new DateOnly(2026, 12, 3), single.Deadlines.DraftDue);
        Assert.Equal(new DateOnly(2026, 11, 26), single.Deadlines.ValuesDue);
    }

    [Fact]
    public void A_one_off_report_without_a_due_date_is_an_error() =>
        Assert.IsType<DueDateMissing>(Schedule().DuePeriods(Cadence.Once, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)).Error);

    [Fact]
    public void Deadlines_in_calendar_days_ignore_weekends_and_holidays()
    {
        var schedule = new ReportingSchedule(PlanningCalendar.Empty, WorkingDays, DeadlineRules.Default with { CountWorkingDays = false });
        var deadlines = schedule.DeadlinesFor(Cadence.Quarterly, ReportingPeriod.Quarter(2025, 4)).Value;
        Assert.Equal(new DateOnly(2026, 1, 15), deadlines.ValuesDue);
        Assert.Equal(new DateOnly(2026, 1, 20), deadlines.DraftDue);
    }
}
