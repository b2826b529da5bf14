using System.Globalization;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Domain.Regions;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Regions;

/// <summary>The regional monitor of a cooperation: per indicator the members side by side over the last periods.</summary>
public sealed record RegionalMonitor(Guid CooperationId, string Name, IReadOnlyList<string> Municipalities, IReadOnlyList<RegionalIndicator> Indicators);

/// <summary>
/// One indicator across the members (grouped by regional code): each member's figures, the regional total where the
/// kind allows it (counts and amounts add up; percentages and durations do not), and what is missing.
/// </summary>
public sealed record RegionalIndicator(
    string Code, string Name, IndicatorKind Kind, string? Unit, int Decimals, string? NationalSource, IReadOnlyList<string> Periods,
    IReadOnlyList<RegionalRow> Rows, RegionalTotal? Total, string? NoTotal);

/// <summary>
/// A member's line: <see cref="Shared"/> false when it shares nothing under this code (nothing more is said: whether it
/// measures it at all is its own business). Values per period (none where no value was handed in), its baseline, the
/// trend of its last two figures and what is missing, in Dutch.
/// </summary>
public sealed record RegionalRow(string Municipality, bool Shared, IReadOnlyList<decimal?> Values, decimal? Baseline, string? Trend, string? Missing);

/// <summary>The regional total per period and how many members it counts (a total of fewer than all says so).</summary>
public sealed record RegionalTotal(IReadOnlyList<decimal?> Values, IReadOnlyList<int> Counted, int Members);

/// <summary>The monitor of a cooperation the signed-in person's municipality is a member of; the last <paramref name="Periods"/> periods.</summary>
public sealed record GetRegionalMonitorQuery(Guid CooperationId, int Periods = 8) : IQuery<Result<RegionalMonitor>>;

/// <summary>The cooperations the signed-in person's municipality is a member of, for the monitor's start page.</summary>
public sealed record ListMyCooperationsQuery : IQuery<Result<IReadOnlyList<CooperationLine>>>;

/// <summary>
/// Reads across municipalities only through active shares of current members: the indicators shared (one by one, or
/// as an obligation's monitor, checked to belong to the municipality that shares them) and their handed-in values,
/// as figures only: never drafts, explanations, sources or who entered them.
/// </summary>
public sealed class RegionalMonitorHandler(ISystemDatabase systemDatabase, CurrentUser user)
    : IQueryHandler<GetRegionalMonitorQuery, Result<RegionalMonitor>>, IQueryHandler<ListMyCooperationsQuery, Result<IReadOnlyList<CooperationLine>>>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask<Result<IReadOnlyList<CooperationLine>>> Handle(ListMyCooperationsQuery query, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } you)
        {
            return new Forbidden("Alleen iemand van een gemeente ziet de regionale monitor.");
        }

        await using var db = systemDatabase.CreateContext();
        var lines = await CooperationLines.ForAsync(db, you, null, cancellationToken);
        return Result<IReadOnlyList<CooperationLine>>.Success([.. lines.Where(l => !l.Ended && l.Members.Any(m => m.IsYou && m.State == "Member"))]);
    }

    public async ValueTask<Result<RegionalMonitor>> Handle(GetRegionalMonitorQuery query, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } you)
        {
            return new Forbidden("Alleen iemand van een gemeente ziet de regionale monitor.");
        }

        await using var db = systemDatabase.CreateContext();
        var id = new CooperationId(query.CooperationId);
        var cooperation = await db.Cooperations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cooperation is null || !cooperation.IsMember(you))
        {
            return new NotFound("Samenwerkingsverband");
        }

        var members = cooperation.CurrentMembers.ToList();
        var names = await db.Municipalities.AsNoTracking().Where(m => members.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var shared = await SharedIndicatorsAsync(db, id, members, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Definitions)
            .Where(i => shared.Contains(i.Id)).ToListAsync(cancellationToken);
        var histories = await IndicatorHistory.LoadManyAsync(db, [.. indicators.Select(i => i.Id)], cancellationToken);
        var order = members.OrderBy(m => m == cooperation.LeadMunicipalityId ? 0 : 1).ThenBy(m => names[m], StringComparer.Create(Dutch, ignoreCase: true)).ToList();

        var lines = indicators.GroupBy(i => i.RegionalKey).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
        {
            var lead = group.FirstOrDefault(i => i.MunicipalityId == cooperation.LeadMunicipalityId) ?? group.First();
            var definition = lead.Current;
            var figures = group.ToDictionary(i => i.MunicipalityId, i => histories[i.Id]
                .Where(v => v.Value.FigureFor(i.VersionAt(v.DefinitionVersion)) is not null)
                .ToDictionary(v => v.Period, v => v.Value.FigureFor(i.VersionAt(v.DefinitionVersion))!.Value));
            var periods = figures.Values.SelectMany(f => f.Keys).Distinct().Order().TakeLast(Math.Clamp(query.Periods, 1, 40)).ToList();
            var rows = order.Select(m =>
            {
                var indicator = group.FirstOrDefault(i => i.MunicipalityId == m);
                if (indicator is null)
                {
                    return new RegionalRow(names[m], false, [.. periods.Select(_ => (decimal?)null)], null, null, "Niet gedeeld");
                }

                var own = figures[m];
                var values = periods.Select(p => own.TryGetValue(p, out var v) ? v : (decimal?)null).ToList();
                var missing = periods.Where(p => !own.ContainsKey(p)).ToList();
                var known = own.OrderBy(v => v.Key).ToList();
                var trend = known.Count >= 2 && definition.Kind.IsNumeric()
                    ? TrendPhrase.Describe(indicator.Current.Kind, known[^1].Value, known[^2].Value).Dutch
                    : null;
                return new RegionalRow(names[m], true, values, indicator.Current.Baseline?.Value, trend,
                    missing.Count == 0 ? null : $"Geen waarde voor {string.Join(", ", missing.Select(p => p.Display(Dutch)))}");
            }).ToList();
            var (total, noTotal) = Total(definition.Kind, rows, periods.Count, members.Count);
            return new RegionalIndicator(group.Key, definition.Name, definition.Kind, definition.Unit, definition.Decimals, lead.NationalSource,
                [.. periods.Select(p => p.Display(Dutch))], rows, total, noTotal);
        }).ToList();
        return new RegionalMonitor(cooperation.Id.Value, cooperation.Name, [.. order.Select(m => names[m])], lines);
    }

    /// <summary>Counts and amounts add up over the members with a figure; other kinds have no regional total, and say why.</summary>
    private static (RegionalTotal? Total, string? Reason) Total(IndicatorKind kind, IReadOnlyList<RegionalRow> rows, int periods, int members)
    {
        if (kind is not (IndicatorKind.Count or IndicatorKind.Amount))
        {
            return (null, kind == IndicatorKind.Percentage
                ? "Geen regionaal totaal: percentages tellen niet op, elke gemeente heeft haar eigen noemer."
                : "Geen regionaal totaal voor dit soort cijfer.");
        }

        var values = new List<decimal?>(periods);
        var counted = new List<int>(periods);
        for (var p = 0; p < periods; p++)
        {
            var figures = rows.Select(r => r.Values[p]).OfType<decimal>().ToList();
            values.Add(figures.Count == 0 ? null : figures.Sum());
            counted.Add(figures.Count);
        }

        return (new RegionalTotal(values, counted, members), null);
    }

    /// <summary>The indicators shared with the cooperation by its current members, each checked to be the sharer's own.</summary>
    private static async Task<HashSet<IndicatorId>> SharedIndicatorsAsync(GovernanceDbContext db, CooperationId id, IReadOnlyList<MunicipalityId> members, CancellationToken cancellationToken)
    {
        var shares = await db.RegionalShares.AsNoTracking()
            .Where(s => s.CooperationId == id && s.RevokedAtUtc == null && members.Contains(s.MunicipalityId))
            .Select(s => new { s.MunicipalityId, s.IndicatorId, s.ObligationId }).ToListAsync(cancellationToken);
        var direct = shares.Where(s => s.IndicatorId is not null).Select(s => (s.MunicipalityId, Indicator: s.IndicatorId!.Value)).ToList();
        var obligationIds = shares.Where(s => s.ObligationId is not null).Select(s => s.ObligationId!.Value).ToList();
        var monitors = await db.Obligations.AsNoTracking().Where(o => obligationIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var fromMonitors = monitors.Where(o => shares.Any(s => s.ObligationId == o.Id && s.MunicipalityId == o.MunicipalityId))
            .SelectMany(o => o.RequiredIndicators.Select(r => (o.MunicipalityId, Indicator: r.IndicatorId)));
        var candidates = direct.Concat(fromMonitors).ToList();
        var ids = candidates.Select(c => c.Indicator).Distinct().ToList();
        var owners = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.MunicipalityId }).ToDictionaryAsync(i => i.Id, i => i.MunicipalityId, cancellationToken);
        return [.. candidates.Where(c => owners.TryGetValue(c.Indicator, out var owner) && owner == c.MunicipalityId).Select(c => c.Indicator)];
    }
}
