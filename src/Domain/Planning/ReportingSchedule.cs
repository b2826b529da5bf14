using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.ReportingCycles;

namespace Governance.Domain.Planning;

/// <summary>A period that is due for reporting, with the deadline of each step.</summary>
public sealed record DuePeriod(ReportingPeriod Period, StepDeadlines Deadlines);

/// <summary>
/// Turns a cadence into due periods and step deadlines, from the P&amp;C calendar, the working-day
/// calendar and the deadline rules. Quarterly and yearly reports count forward from the end of the
/// period and go to the first council meeting after approval; half-yearly P&amp;C reports and one-off
/// reports count backward from the council date they must reach (1e berap, jaarrekening, due date).
/// </summary>
public sealed class ReportingSchedule(PlanningCalendar calendar, WorkingDayCalendar workingDays, DeadlineRules rules)
{
    public Result<IReadOnlyList<DuePeriod>> DuePeriods(Cadence cadence, DateOnly from, DateOnly to, DateOnly? dueDate = null)
    {
        if (cadence == Cadence.Once)
        {
            if (dueDate is not { } due)
            {
                return new DueDateMissing();
            }

            if (due < from || due > to)
            {
                return Result<IReadOnlyList<DuePeriod>>.Success([]);
            }

            return Result<IReadOnlyList<DuePeriod>>.Success([new DuePeriod(ReportingPeriod.OnDate(due), Backward(due))]);
        }

        var duePeriods = new List<DuePeriod>();
        foreach (var period in cadence.PeriodsEndingBetween(from, to))
        {
            var deadlines = DeadlinesFor(cadence, period);
            if (!deadlines.Succeeded)
            {
                return deadlines.Error;
            }

            duePeriods.Add(new DuePeriod(period, deadlines.Value));
        }

        return duePeriods;
    }

    public Result<StepDeadlines> DeadlinesFor(Cadence cadence, ReportingPeriod period)
    {
        switch (cadence)
        {
            case Cadence.Quarterly or Cadence.Yearly:
                return Forward(period.End);
            case Cadence.Once:
                return Backward(period.End);
            case Cadence.HalfYearly when period.Kind == PeriodKind.HalfYear:
                var berap = calendar.For(period.Year)?.FirstManagementReport;
                return berap is { } b ? AfterPeriod(period, Backward(b), "1e berap") : new PlanningDateMissing(period.Year, "1e berap");
            case Cadence.HalfYearly:
                var accounts = calendar.For(period.Year)?.AnnualAccounts;
                return accounts is { } a ? AfterPeriod(period, Backward(a), "jaarrekening") : new PlanningDateMissing(period.Year, "jaarrekening");
            default:
                throw new DomainRuleException($"No deadlines for cadence {cadence}.");
        }
    }

    /// <summary>Figures over a period can only be due after it ends; a council date too early for that is a calendar error.</summary>
    private static Result<StepDeadlines> AfterPeriod(ReportingPeriod period, StepDeadlines deadlines, string what) =>
        deadlines.ValuesDue > period.End ? deadlines : new PlanningDateTooEarly(period.Year, what, period.Code);

    /// <summary>The day a cycle with these deadlines opens: a number of (working) days before its values are due.</summary>
    public DateOnly OpensOn(StepDeadlines deadlines) => Add(deadlines.ValuesDue, -rules.OpenBeforeValuesDue);

    /// <summary>
    /// A new obligation never opens late: planned deadlines whose values would be due sooner than
    /// <see cref="DeadlineRules.FirstValuesAfterRegistration"/> (working) days after <paramref name="registeredOn"/> count
    /// forward from that day instead, as a quarterly report counts from its period's end; the sending is never earlier than planned.
    /// </summary>
    public StepDeadlines NotBefore(StepDeadlines planned, DateOnly registeredOn)
    {
        var earliest = Add(registeredOn, rules.FirstValuesAfterRegistration);
        if (planned.ValuesDue >= earliest)
        {
            return planned;
        }

        var shifted = FromValues(earliest);
        return shifted.SendToCouncil >= planned.SendToCouncil ? shifted : shifted with { SendToCouncil = planned.SendToCouncil };
    }

    /// <summary>
    /// The first report of an obligation as it would open: the first period from <paramref name="reportingFrom"/> (the due
    /// date of a one-off), with its deadlines kept clear of the registration. None when its calendar date is missing.
    /// </summary>
    public Result<DuePeriod> FirstReport(Cadence cadence, DateOnly reportingFrom, DateOnly? dueDate, DateOnly registeredOn)
    {
        var period = cadence == Cadence.Once
            ? dueDate is { } due ? ReportingPeriod.OnDate(due) : (ReportingPeriod?)null
            : cadence.PeriodsEndingBetween(reportingFrom, reportingFrom.AddYears(2)).Select(p => (ReportingPeriod?)p).FirstOrDefault();
        if (period is not { } first)
        {
            return new DueDateMissing();
        }

        var deadlines = DeadlinesFor(cadence, first);
        return deadlines.Succeeded ? new DuePeriod(first, NotBefore(deadlines.Value, registeredOn)) : deadlines.Error;
    }

    private StepDeadlines Forward(DateOnly periodEnd) => FromValues(Add(periodEnd, rules.ValuesDueAfterPeriodEnd));

    private StepDeadlines FromValues(DateOnly values)
    {
        var draft = Add(values, rules.DraftDueAfterValues);
        var approvals = Add(draft, rules.ApprovalsDueAfterDraft);
        var earliestSend = Add(approvals, rules.SendAfterApprovals);
        var send = calendar.FirstCouncilMeetingOnOrAfter(earliestSend) ?? earliestSend;
        return new StepDeadlines(values, draft, approvals, send);
    }

    private StepDeadlines Backward(DateOnly councilDate)
    {
        var send = rules.CountWorkingDays ? workingDays.OnOrBefore(councilDate) : councilDate;
        var approvals = Add(send, -rules.SendAfterApprovals);
        var draft = Add(approvals, -rules.ApprovalsDueAfterDraft);
        var values = Add(draft, -rules.DraftDueAfterValues);
        return new StepDeadlines(values, draft, approvals, send);
    }

    private DateOnly Add(DateOnly date, int days) =>
        rules.CountWorkingDays ? workingDays.AddWorkingDays(date, days) : date.AddDays(days);
}
