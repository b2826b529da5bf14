using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Tasks;

/// <summary>Everything the entry form of one indicator task shows: the definition, the value so far and what to compare it with.</summary>
public sealed record GetTaskEntryQuery(Guid TaskId) : IQuery<Result<TaskEntry>>;

public sealed record TaskEntry(
    Guid TaskId,
    Guid CycleId,
    int CycleVersion,
    ReportingCycleStatus CycleStatus,
    Guid ObligationId,
    string ObligationReference,
    string ObligationTitle,
    ReportingPeriod Period,
    DateOnly DueDate,
    bool Overdue,
    IndicatorTaskStatus Status,
    string? ReturnReason,
    string? AssigneeName,
    bool CanEnter,
    IndicatorFacts Indicator,
    EnteredValue? Current,
    PeriodValue? PreviousPeriod,
    PeriodValue? SamePeriodLastYear,
    IReadOnlyList<PeriodValue> Series,
    ValueRules Rules,
    IReadOnlyList<AttachmentInfo> Attachments);

public sealed record IndicatorFacts(
    Guid Id,
    string Code,
    string Name,
    string Definition,
    IndicatorKind Kind,
    string? Unit,
    int Decimals,
    string Source,
    GoodDirection GoodDirection,
    Baseline? Baseline,
    Target? Target,
    IReadOnlyList<string> Categories,
    BreakdownNature Nature,
    int Version);

public sealed record EnteredValue(IndicatorValue Value, string? Explanation, string? Source, string RecordedBy, DateTime RecordedAtUtc);

public sealed class GetTaskEntryHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time, ValueRules rules)
    : IQueryHandler<GetTaskEntryQuery, Result<TaskEntry>>
{
    public async ValueTask<Result<TaskEntry>> Handle(GetTaskEntryQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taskId = new IndicatorTaskId(query.TaskId);
        var found = await (from t in db.IndicatorTasks.AsNoTracking().Include(t => t.Values)
                           join c in db.ReportingCycles on t.CycleId equals c.Id
                           join o in db.Obligations on c.ObligationId equals o.Id
                           where t.Id == taskId
                           select new { Task = t, c.Version, c.Status, c.Period, c.ObligationId, o.Reference, o.Title })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new NotFound("Indicator task");
        }

        if (user.TeamId != found.Task.TeamId)
        {
            return new Forbidden("Deze waarde wordt door een ander team aangeleverd.");
        }

        var task = found.Task;
        var definition = await db.IndicatorDefinitions.AsNoTracking()
            .SingleAsync(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion, cancellationToken);
        var code = await db.Indicators.Where(i => i.Id == task.IndicatorId).Select(i => i.Code).SingleAsync(cancellationToken);
        var assignee = task.AssigneeUserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) : null;
        var history = (await IndicatorHistory.LoadAsync(db, task.IndicatorId, cancellationToken)).Where(v => v.Period != found.Period).ToList();
        var canEnter = ReportingStatusExtensions.CanEnterValue(found.Status, task.Status);
        var current = task.CurrentValue is { } v ? new EnteredValue(v.Value, v.Explanation, v.Source, v.RecordedBy, v.RecordedAtUtc) : null;
        return new TaskEntry(
            task.Id.Value, task.CycleId.Value, found.Version, found.Status, found.ObligationId.Value, found.Reference, found.Title, found.Period,
            task.DueDate, canEnter && task.DueDate < MunicipalTime.Today(time), task.Status, task.ReturnReason, assignee, canEnter,
            new IndicatorFacts(task.IndicatorId.Value, code, definition.Name, definition.Definition, definition.Kind, definition.Unit, definition.Decimals,
                definition.Source, definition.GoodDirection, definition.Baseline, definition.Target, definition.Categories, definition.Nature, definition.VersionNumber),
            current, history.LatestBefore(found.Period, definition), history.For(found.Period.SamePeriodLastYear()),
            [.. history.Where(h => h.Period.CompareTo(found.Period) < 0)], rules,
            await AttachmentAccess.Infos(db, task.Id).ToListAsync(cancellationToken));
    }
}
