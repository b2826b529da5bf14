using System.Linq.Expressions;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>A cycle with its obligation's number and title and the deadline of the step it waits for, as a query the database answers.</summary>
public sealed class CycleStepRow
{
    public required ReportingCycle Cycle { get; init; }

    public required string Reference { get; init; }

    public required string Title { get; init; }

    /// <summary>The deadline of the step the cycle waits for (<see cref="ReportingCycleWorkflow.DeadlineOf(ReportingCycleStatus, Domain.Planning.StepDeadlines)"/>, in SQL).</summary>
    public required DateOnly Next { get; init; }

    /// <summary>Not yet sent, closed or cancelled.</summary>
    public required bool Active { get; init; }
}

/// <summary>A cycle with the deadline of the step it waits for, without its obligation: for counts and sets of obligations.</summary>
public sealed class CycleDeadlineRow
{
    public required ReportingCycle Cycle { get; init; }

    /// <summary>The deadline of the step the cycle waits for (<see cref="ReportingCycleWorkflow.DeadlineOf(ReportingCycleStatus, Domain.Planning.StepDeadlines)"/>, in SQL).</summary>
    public required DateOnly Next { get; init; }

    /// <summary>Not yet sent, closed or cancelled.</summary>
    public required bool Active { get; init; }
}

public static class CycleSteps
{
    /// <summary>A cycle as a <see cref="CycleDeadlineRow"/>: its next deadline and whether it is active, from the workflow's declaration.</summary>
    private static readonly Expression<Func<ReportingCycle, CycleDeadlineRow>> Row = RowOf(Expression.Parameter(typeof(ReportingCycle), "c"));

    /// <summary>Every cycle with its next deadline; filter and count it in the database. No join: the obligations' wide rows are not read.</summary>
    public static IQueryable<CycleDeadlineRow> Deadlines(GovernanceDbContext db) => db.ReportingCycles.Select(Row);

    /// <summary>Every cycle as a <see cref="CycleStepRow"/>; filter, count, order and page it in the database.</summary>
    public static IQueryable<CycleStepRow> Of(GovernanceDbContext db) =>
        from d in Deadlines(db)
        join o in db.Obligations on d.Cycle.ObligationId equals o.Id
        select new CycleStepRow { Cycle = d.Cycle, Reference = o.Reference, Title = o.Title, Next = d.Next, Active = d.Active };

    private static Expression<Func<ReportingCycle, CycleDeadlineRow>> RowOf(ParameterExpression cycle) =>
        Expression.Lambda<Func<ReportingCycle, CycleDeadlineRow>>(
            Expression.MemberInit(
                Expression.New(typeof(CycleDeadlineRow)),
                Expression.Bind(typeof(CycleDeadlineRow).GetProperty(nameof(CycleDeadlineRow.Cycle))!, cycle),
                Expression.Bind(typeof(CycleDeadlineRow).GetProperty(nameof(CycleDeadlineRow.Next))!, ReportingCycleWorkflow.DeadlineOf(cycle)),
                Expression.Bind(typeof(CycleDeadlineRow).GetProperty(nameof(CycleDeadlineRow.Active))!, ReportingCycleWorkflow.IsActive(cycle))),
            cycle);
}
