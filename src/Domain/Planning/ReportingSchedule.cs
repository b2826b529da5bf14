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
                return deadlines.Error!;
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

    private StepDeadlines Forward(DateOnly periodEnd)
    {
        var values = Add(periodEnd, rules.ValuesDueAfterPeriodEnd);
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
