using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.ReportingCycles;

public sealed record GetReportingCycleQuery(Guid Id) : IQuery<Result<CycleDetails>>;

/// <summary>A cycle with its tasks, its journal and the steps the current person may take now.</summary>
public sealed record CycleDetails(
    Guid Id,
    Guid ObligationId,
    string Reference,
    string Title,
    ReportingPeriod Period,
    ReportingCycleStatus Status,
    int Version,
    StepDeadlines Deadlines,
    IReadOnlyList<TaskLine> Tasks,
    IReadOnlyList<CycleJournalEntry> Journal,
    IReadOnlyList<ReportingCycleWorkflow.Trigger> AvailableSteps,
    Guid? LetterId = null,
    bool MayComposeLetter = false,
    IReadOnlyList<ComputedLine>? Computed = null);

/// <summary>
/// A computed indicator the obligation asks for: nobody hands it in, its value in the cycle's period follows from its
/// <see cref="Formula"/> over the values of the tasks above (none while they are not all in).
/// </summary>
public sealed record ComputedLine(string IndicatorCode, string IndicatorName, IndicatorKind Kind, string? Unit, int Decimals, string Formula, IndicatorValue? Value);

public sealed record TaskLine(
    Guid Id,
    string IndicatorCode,
    string IndicatorName,
    IndicatorKind Kind,
    string? Unit,
    int Decimals,
    string Team,
    IndicatorTaskStatus Status,
    DateOnly DueDate,
    IndicatorValue? CurrentValue,
    string? ReturnReason,
    ValueOrigin? Origin = null);

/// <summary>
/// Where a value came from: who entered it and when, the definition version it was measured under, its source and
/// explanation, and the files attached to it. A letter's figures link here.
/// </summary>
public sealed record ValueOrigin(string RecordedBy, DateTime RecordedAtUtc, int DefinitionVersion, string? Source, string? Explanation, IReadOnlyList<string> Attachments);

public sealed class GetReportingCycleHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : IQueryHandler<GetReportingCycleQuery, Result<CycleDetails>>
{
    public async ValueTask<Result<CycleDetails>> Handle(GetReportingCycleQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ReportingCycleId(query.Id);
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Tasks).ThenInclude(t => t.Values).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cycle is null)
        {
            return new NotFound("Reporting cycle");
        }

        var obligation = await db.Obligations.AsNoTracking().SingleAsync(o => o.Id == cycle.ObligationId, cancellationToken);
        var derived = await DerivedIndicators.LoadAsync(db, cancellationToken);
        // A computed indicator shows beside the tasks, unless the cycle asked for it as a value (an earlier report brought over).
        var derivedIds = obligation.RequiredIndicators.Select(r => r.IndicatorId).Where(id => derived.IsDerived(id) && cycle.TaskFor(id) is null).ToList();
        var computed = await DerivedValues.LoadAsync(db, derived, derivedIds, cancellationToken);
        var derivedCodes = await db.Indicators.AsNoTracking().Where(i => derivedIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var indicatorIds = cycle.Tasks.Select(t => t.IndicatorId).ToList();
        var definitions = await db.IndicatorDefinitions.AsNoTracking().Where(d => indicatorIds.Contains(d.IndicatorId)).ToListAsync(cancellationToken);
        var codes = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var taskIds = cycle.Tasks.Select(t => t.Id).ToList();
        var attachments = (await db.ValueAttachments.AsNoTracking().Where(a => taskIds.Contains(a.TaskId))
                .OrderBy(a => a.UploadedAtUtc).Select(a => new { a.TaskId, a.FileName }).ToListAsync(cancellationToken))
            .ToLookup(a => a.TaskId, a => a.FileName);

        var workflow = new ReportingCycleWorkflow(cycle, time.GetUtcNow().UtcDateTime, user.DisplayName);
        var steps = CycleTriggerPermissions.ManualTriggers
            .Where(t => CycleTriggerPermissions.MayFire(t, user.IsInRole) && workflow.CanFire(t, CycleTriggerPermissions.NeedsReason(t) ? "-" : null))
            .ToList();

        var letter = await db.CouncilLetters.AsNoTracking().Where(l => l.CycleId == cycle.Id).Select(l => new { l.Id }).SingleOrDefaultAsync(cancellationToken);
        var letterId = letter?.Id.Value;
        var drafter = (user.IsInRole(Roles.Medewerker) || user.IsInRole(Roles.Teamleider)) && user.TeamId is { } team && cycle.Tasks.Any(t => t.TeamId == team);
        var mayCompose = drafter && letterId is null && cycle.Status is ReportingCycleStatus.Complete or ReportingCycleStatus.Drafting;

        return new CycleDetails(
            cycle.Id.Value, cycle.ObligationId.Value, obligation.Reference, obligation.Title, cycle.Period, cycle.Status, cycle.Version, cycle.Deadlines,
            [.. cycle.Tasks.Select(t =>
            {
                var definition = definitions.Single(d => d.IndicatorId == t.IndicatorId && d.VersionNumber == t.DefinitionVersion);
                var origin = t.CurrentValue is { } v
                    ? new ValueOrigin(v.RecordedBy, v.RecordedAtUtc, v.DefinitionVersion, v.Source ?? definition.Source, v.Explanation, [.. attachments[t.Id]])
                    : null;
                return new TaskLine(t.Id.Value, codes[t.IndicatorId], definition.Name, definition.Kind, definition.Unit, definition.Decimals,
                    teams.GetValueOrDefault(t.TeamId, "?"), t.Status, t.DueDate, t.CurrentValue?.Value, t.ReturnReason, origin);
            }).OrderBy(t => t.IndicatorCode)],
            [.. cycle.Journal.Reverse()],
            steps,
            letterId,
            mayCompose,
            [.. derivedIds.Select(d => (Id: d, Definition: derived.DefinitionOf(d)!)).Select(d => new ComputedLine(derivedCodes[d.Id], d.Definition.Name, d.Definition.Kind,
                d.Definition.Unit, d.Definition.Decimals, d.Definition.Formula!, computed.HistoryOf(d.Id).For(cycle.Period)?.Value))]);
    }
}
