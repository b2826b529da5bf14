using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Governance.Workflows.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

public sealed record GetObligationQuery(Guid Id) : IQuery<Result<ObligationOverview>>;

/// <summary>Everything the obligation page shows: the obligation, its indicators with their latest values, its cycles and its history.</summary>
public sealed record ObligationOverview(
    Guid Id,
    ObligationKind Kind,
    string Reference,
    string Title,
    string Text,
    DateOnly AdoptedOn,
    string MeetingBody,
    DateOnly MeetingDate,
    string PolicyArea,
    Cadence Cadence,
    DateOnly? DueDate,
    DateOnly? EndDate,
    DateOnly ReportingFrom,
    ObligationStatus Status,
    string? ReportedInLetter,
    IReadOnlyList<Workflows.Obligations.ObligationWorkflow.Trigger> PermittedSteps,
    int Version,
    IReadOnlyList<string> SubmittingParties,
    IReadOnlyList<AldermanLine> Aldermen,
    IReadOnlyList<IndicatorLine> Indicators,
    IReadOnlyList<CycleLine> Cycles,
    IReadOnlyList<ObligationHistoryEntry> History)
{
    /// <summary>In the public register (the default) or kept out of it by the griffie.</summary>
    public bool IsPublic { get; init; } = true;
}

public sealed record AldermanLine(Guid Id, string Name, string Portfolio);

/// <summary>A required indicator with the latest value recorded for this obligation, if any.</summary>
public sealed record IndicatorLine(
    Guid IndicatorId,
    string? Label,
    string Code,
    string Name,
    IndicatorKind Kind,
    string? Unit,
    int Decimals,
    IndicatorValue? LatestValue,
    ReportingPeriod? LatestPeriod,
    Baseline? Baseline,
    Target? Target);

public sealed record CycleLine(Guid Id, ReportingPeriod Period, ReportingCycleStatus Status, DateOnly ValuesDue, DateOnly SendToCouncil, int TasksDone, int TaskCount, bool IsImported,
    CycleLetter? Letter = null);

/// <summary>The letter of a cycle: its reference once finalised, and whether it was sent.</summary>
public sealed record CycleLetter(Guid Id, Domain.Letters.CouncilLetterStatus Status, string? Reference, DateOnly? SentOn);

public sealed class GetObligationHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time)
    : IQueryHandler<GetObligationQuery, Result<ObligationOverview>>
{
    public async ValueTask<Result<ObligationOverview>> Handle(GetObligationQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = new ObligationId(query.Id);
        var obligation = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (obligation is null)
        {
            return new NotFound("Obligation");
        }

        var aldermanIds = obligation.ResponsibleAldermen.ToList();
        var aldermen = await db.Aldermen.AsNoTracking().Where(a => aldermanIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var indicatorIds = obligation.RequiredIndicators.Select(r => r.IndicatorId).ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Definitions)
            .Where(i => indicatorIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var cycles = await db.ReportingCycles.AsNoTracking().Include(c => c.Tasks).ThenInclude(t => t.Values).AsSplitQuery()
            .Where(c => c.ObligationId == id).ToListAsync(cancellationToken);
        var cycleIds = cycles.Select(c => c.Id).ToList();
        var letters = (await db.CouncilLetters.AsNoTracking().Where(l => cycleIds.Contains(l.CycleId))
                .Select(l => new { l.CycleId, l.Id, l.Status, l.Reference, l.SentOn }).ToListAsync(cancellationToken))
            .ToDictionary(l => l.CycleId, l => new CycleLetter(l.Id.Value, l.Status, l.Reference, l.SentOn));
        cycles = [.. cycles.OrderByDescending(c => c.Period)];

        // A computed indicator's latest value follows from its inputs' values, wherever they were handed in.
        var derived = await DerivedIndicators.LoadAsync(db, cancellationToken);
        var computed = await DerivedValues.LoadAsync(db, derived, indicatorIds.Where(derived.IsDerived).ToList(), cancellationToken);
        var indicatorLines = obligation.RequiredIndicators.Select(required =>
        {
            var indicator = indicators.Single(i => i.Id == required.IndicatorId);
            var definition = indicator.Current;
            if (definition.IsDerived)
            {
                var last = computed.HistoryOf(indicator.Id).LastOrDefault();
                return new IndicatorLine(
                    indicator.Id.Value, required.Label, indicator.Code, definition.Name, definition.Kind, definition.Unit, definition.Decimals,
                    last?.Value, last?.Period, definition.Baseline, definition.Target);
            }

            var latest = cycles
                .Select(c => (Cycle: c, Value: c.TaskFor(required.IndicatorId)?.CurrentValue))
                .FirstOrDefault(x => x.Value is not null && x.Cycle.TaskFor(required.IndicatorId)!.Status.IsDone());
            return new IndicatorLine(
                indicator.Id.Value, required.Label, indicator.Code, definition.Name, definition.Kind, definition.Unit, definition.Decimals,
                latest.Value?.Value, latest.Cycle?.Period, definition.Baseline, definition.Target);
        }).ToList();

        return new ObligationOverview(
            obligation.Id.Value,
            obligation.Kind,
            obligation.Reference,
            obligation.Title,
            obligation.Text,
            obligation.AdoptedOn,
            obligation.Meeting.Body,
            obligation.Meeting.Date,
            obligation.PolicyArea,
            obligation.Cadence,
            obligation.DueDate,
            obligation.EndDate,
            obligation.ReportingFrom,
            obligation.Status,
            obligation.ReportedInLetter,
            [.. new Workflows.Obligations.ObligationWorkflow(obligation, Domain.Planning.MunicipalTime.Today(time), time.GetUtcNow().UtcDateTime, "-")
                .PermittedTriggers().Where(ObligationStepPermissions.ManualSteps.Contains)],
            obligation.Version,
            obligation is Motion motion ? motion.SubmittingParties : [],
            [.. aldermanIds.Select(aid => aldermen.Single(a => a.Id == aid)).Select(a => new AldermanLine(a.Id.Value, a.Name, a.Portfolio))],
            indicatorLines,
            [.. cycles.Select(c => new CycleLine(c.Id.Value, c.Period, c.Status, c.Deadlines.ValuesDue, c.Deadlines.SendToCouncil,
                c.Tasks.Count(t => t.Status.IsDone()), c.Tasks.Count, c.IsImported, letters.GetValueOrDefault(c.Id)))],
            [.. obligation.History.Select((h, i) => (h, i)).OrderByDescending(x => x.h.AtUtc).ThenByDescending(x => x.i).Select(x => x.h)])
        {
            IsPublic = obligation.IsPublic,
        };
    }
}
