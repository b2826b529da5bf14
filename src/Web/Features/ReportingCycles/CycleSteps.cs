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

public static class CycleSteps
{
    /// <summary>Every cycle as a <see cref="CycleStepRow"/>; filter, count, order and page it in the database.</summary>
    public static IQueryable<CycleStepRow> Of(GovernanceDbContext db) =>
        from c in db.ReportingCycles
        join o in db.Obligations on c.ObligationId equals o.Id
        select new CycleStepRow
        {
            Cycle = c,
            Reference = o.Reference,
            Title = o.Title,
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
}
