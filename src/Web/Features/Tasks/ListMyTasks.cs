using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Tasks;

public enum TaskScope
{
    /// <summary>Work still to do: values not yet handed in, in reports that are collecting.</summary>
    Open,

    /// <summary>Everything of the team, done or not.</summary>
    All,
}

/// <summary>"Mijn taken": the indicator tasks of my team, soonest deadline first, paged on the server.</summary>
public sealed record ListMyTasksQuery(TaskScope Scope = TaskScope.Open, bool MineOnly = false, bool OverdueOnly = false, int Page = 1, int PageSize = 25) : IQuery<Result<PagedResult<MyTask>>>;

public sealed record MyTask(
    Guid TaskId,
    Guid CycleId,
    string Indicator,
    string IndicatorCode,
    string ObligationReference,
    string ObligationTitle,
    ReportingPeriod Period,
    DateOnly DueDate,
    IndicatorTaskStatus Status,
    string? AssigneeUserId,
    string? AssigneeName,
    bool Overdue,
    bool CanEnter,
    ReportingCycleStatus CycleStatus,
    int CycleVersion);

public sealed class ListMyTasksValidator : AbstractValidator<ListMyTasksQuery>
{
    public ListMyTasksValidator()
    {
        RuleFor(q => q.Scope).IsInEnum().WithMessage("Kies open of alle taken.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("De pagina is 1 of hoger.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100).WithMessage("Een pagina heeft 1 tot 100 regels.");
    }
}

public sealed class ListMyTasksHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : IQueryHandler<ListMyTasksQuery, Result<PagedResult<MyTask>>>
{
    public async ValueTask<Result<PagedResult<MyTask>>> Handle(ListMyTasksQuery query, CancellationToken cancellationToken)
    {
        if (user.TeamId is not { } team)
        {
            return new PagedResult<MyTask>([], 0, query.Page, query.PageSize);
        }

        var today = MunicipalTime.Today(time);
        var me = user.UserId;
        // Filtered and counted on the tasks and their cycles alone; only the page is joined to its obligations and indicators.
        IQueryable<MyTaskRows.Row> Rows(GovernanceDbContext db)
        {
            var rows = MyTaskRows.Of(db, team, openOnly: query.Scope == TaskScope.Open);
            if (query.MineOnly && me is not null)
            {
                rows = rows.Where(r => r.Task.AssigneeUserId == me || r.Task.AssigneeUserId == null);
            }

            return query.OverdueOnly ? rows.Where(r => r.CanEnter && r.Task.DueDate < today) : rows;
        }

        // The count beside the page, on a context of its own (on the thread pool: SQLite's async calls complete synchronously).
        var counting = Task.Run(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await Rows(db).CountAsync(cancellationToken);
        }, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Rows(db);
        // The page is found on the tasks' own sort keys (the obligation's reference and indicator's code are copied onto
        // them), then read whole for its 25 tasks. Open work is all enterable: its order is the waiting tasks' index order,
        // so the first page is that index's first rows whose cycles are open.
        var ordered = query.Scope == TaskScope.Open
            ? rows.OrderBy(r => r.Task.DueDate)
            : rows.OrderBy(r => r.CanEnter ? 0 : 1).ThenBy(r => r.Task.DueDate);
        var pageIds = await ordered.ThenBy(r => r.Task.ObligationReference).ThenBy(r => r.Task.IndicatorCode).ThenBy(r => r.Task.Id)
            .Select(r => r.Task.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        var page = await MyTaskRows.Described(db, MyTaskRows.ByIds(db, pageIds))
            .OrderBy(r => r.CanEnter ? 0 : 1).ThenBy(r => r.Task.DueDate).ThenBy(r => r.Task.ObligationReference).ThenBy(r => r.Task.IndicatorCode).ThenBy(r => r.Task.Id)
            .Select(r => new
            {
                r.Task.Id,
                r.Task.CycleId,
                r.Name,
                r.Code,
                r.Reference,
                r.Title,
                r.Period,
                r.Task.DueDate,
                r.Task.Status,
                r.Task.AssigneeUserId,
                AssigneeName = db.Users.Where(u => u.Id == r.Task.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                r.CanEnter,
                r.CycleStatus,
                r.CycleVersion,
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<MyTask>(
            [.. page.Select(r => new MyTask(r.Id.Value, r.CycleId.Value, r.Name, r.Code, r.Reference, r.Title, r.Period, r.DueDate, r.Status,
                r.AssigneeUserId, r.AssigneeName, r.CanEnter && r.DueDate < today, r.CanEnter, r.CycleStatus, r.CycleVersion))],
            await counting, query.Page, query.PageSize);
    }
}

/// <summary>How many tasks of my team still wait for a value: the count beside "Mijn taken".</summary>
/// <summary>A team's tasks with what the lists show of them; the one definition of "a task still waiting for a value".</summary>
internal static class MyTaskRows
{
    /// <summary>A task with its cycle's state: what the lists filter and count on.</summary>
    public sealed class Row
    {
        public required IndicatorTask Task { get; init; }

        public required ReportingCycle Cycle { get; init; }

        public required bool CanEnter { get; init; }
    }

    /// <summary>A task as the list shows it.</summary>
    public sealed class DescribedRow
    {
        public required IndicatorTask Task { get; init; }

        public required string Name { get; init; }

        public required string Code { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required ReportingPeriod Period { get; init; }

        public required bool CanEnter { get; init; }

        public required ReportingCycleStatus CycleStatus { get; init; }

        public required int CycleVersion { get; init; }
    }

    /// <summary>
    /// The team's tasks; <paramref name="openOnly"/>: only those still waiting for a value (filtered on the task's own index
    /// first). Imported history is left out: its cycles are closed when they come in, so the open ones need not ask, and
    /// PostgreSQL, not knowing that an open cycle is never imported, would otherwise expect few rows and plan a sort of
    /// every task of the team instead of reading the first ones from the waiting tasks' index.
    /// </summary>
    public static IQueryable<Row> Of(GovernanceDbContext db, Domain.Organisation.TeamId team, bool openOnly = false) =>
        openOnly
            ? Rows(
                    db.IndicatorTasks.Where(t => t.TeamId == team
                        && (t.Status == IndicatorTaskStatus.Open || t.Status == IndicatorTaskStatus.DraftSaved || t.Status == IndicatorTaskStatus.Returned)),
                    db.ReportingCycles.Where(c => c.Status == ReportingCycleStatus.Open || c.Status == ReportingCycleStatus.Collecting))
            : Rows(db.IndicatorTasks.Where(t => t.TeamId == team), db.ReportingCycles.Where(c => !c.IsImported));

    /// <summary>Chosen tasks, found by their key (a page already filtered and ordered), as rows.</summary>
    public static IQueryable<Row> ByIds(GovernanceDbContext db, List<IndicatorTaskId> ids) =>
        Rows(db.IndicatorTasks.Where(t => EF.Parameter(ids).Contains(t.Id)), db.ReportingCycles);

    /// <summary>Tasks with their cycles; <see cref="Row.CanEnter"/> is <see cref="ReportingStatusExtensions.CanEnterValue"/> in SQL.</summary>
    private static IQueryable<Row> Rows(IQueryable<IndicatorTask> tasks, IQueryable<ReportingCycle> cycles) =>
        from t in tasks
        join c in cycles on t.CycleId equals c.Id
        select new Row
        {
            Task = t,
            Cycle = c,
            CanEnter = (c.Status == ReportingCycleStatus.Open || c.Status == ReportingCycleStatus.Collecting)
                && (t.Status == IndicatorTaskStatus.Open || t.Status == IndicatorTaskStatus.DraftSaved || t.Status == IndicatorTaskStatus.Returned),
        };

    /// <summary>The rows with their obligation, indicator code and the name of the definition they were opened with.</summary>
    public static IQueryable<DescribedRow> Described(GovernanceDbContext db, IQueryable<Row> rows) =>
        from r in rows
        join o in db.Obligations on r.Cycle.ObligationId equals o.Id
        join d in db.IndicatorDefinitions on new { r.Task.IndicatorId, Version = r.Task.DefinitionVersion } equals new { d.IndicatorId, Version = d.VersionNumber }
        join i in db.Indicators on r.Task.IndicatorId equals i.Id
        select new DescribedRow
        {
            Task = r.Task,
            Name = d.Name,
            Code = i.Code,
            Reference = o.Reference,
            Title = o.Title,
            Period = r.Cycle.Period,
            CanEnter = r.CanEnter,
            CycleStatus = r.Cycle.Status,
            CycleVersion = r.Cycle.Version,
        };
}
