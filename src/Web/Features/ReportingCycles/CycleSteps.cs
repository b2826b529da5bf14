using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>A cycle with its obligation's number and title and the deadline of the step it waits for, as a query the database answers.</summary>
public sealed class CycleStepRow
{
    public required ReportingCycle Cycle { get; init; }

    public required string Reference { get; init; }

    public required string Title { get; init; }

    /// <summary>The deadline of the step the cycle waits for (<see cref="Cockpit.GetCockpitHandler.NextDeadline"/>, in SQL).</summary>
    public required DateOnly Next { get; init; }

    /// <summary>Not yet sent, closed or cancelled.</summary>
    public required bool Active { get; init; }
}

/// <summary>A cycle with the deadline of the step it waits for, without its obligation: for counts and sets of obligations.</summary>
public sealed class CycleDeadlineRow
{
    public required ReportingCycle Cycle { get; init; }

    /// <summary>The deadline of the step the cycle waits for (<see cref="Cockpit.GetCockpitHandler.NextDeadline"/>, in SQL).</summary>
    public required DateOnly Next { get; init; }

    /// <summary>Not yet sent, closed or cancelled.</summary>
    public required bool Active { get; init; }
}

public static class CycleSteps
{
    /// <summary>Every cycle with its next deadline; filter and count it in the database. No join: the obligations' wide rows are not read.</summary>
    public static IQueryable<CycleDeadlineRow> Deadlines(GovernanceDbContext db) =>
        from c in db.ReportingCycles
        select new CycleDeadlineRow
        {
            Cycle = c,
            Next = c.Status == ReportingCycleStatus.Scheduled || c.Status == ReportingCycleStatus.Open || c.Status == ReportingCycleStatus.Collecting
                ? c.Deadlines.ValuesDue
                : c.Status == ReportingCycleStatus.Complete || c.Status == ReportingCycleStatus.Drafting || c.Status == ReportingCycleStatus.SentBack
                    ? c.Deadlines.DraftDue
                    : c.Status == ReportingCycleStatus.InApproval ? c.Deadlines.ApprovalsDue : c.Deadlines.SendToCouncil,
            // Named one by one (an IN list), not as "not sent, closed or cancelled": the (municipality, status) index then
            // reads only the active cycles, not every cycle of every earlier quarter.
            Active = c.Status == ReportingCycleStatus.Scheduled || c.Status == ReportingCycleStatus.Open || c.Status == ReportingCycleStatus.Collecting
                || c.Status == ReportingCycleStatus.Complete || c.Status == ReportingCycleStatus.Drafting || c.Status == ReportingCycleStatus.SentBack
                || c.Status == ReportingCycleStatus.InApproval || c.Status == ReportingCycleStatus.Approved,
        };

    /// <summary>Every cycle as a <see cref="CycleStepRow"/>; filter, count, order and page it in the database.</summary>
    public static IQueryable<CycleStepRow> Of(GovernanceDbContext db) =>
        from d in Deadlines(db)
        join o in db.Obligations on d.Cycle.ObligationId equals o.Id
        select new CycleStepRow { Cycle = d.Cycle, Reference = o.Reference, Title = o.Title, Next = d.Next, Active = d.Active };
}
