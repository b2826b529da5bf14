using System.Globalization;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Domain.Regions;
using Governance.Domain.ReportingCycles;
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
public sealed record RegionalRow(string Municipality, bool Shared, IReadOnlyList<decimal?> Values, decimal? Baseline, string? Trend, string? Missing, string? Caveat = null);

/// <summary>
/// The regional figure per period and how many members it counts (a figure of fewer than all says so; none when half or
/// fewer have one, as it would not speak for the region): the total of a
/// count or amount, or the weighted average of a share (the parts added up over the wholes added up), never the plain
/// mean of percentages with different denominators.
/// </summary>
public sealed record RegionalTotal(RegionalTotalKind Kind, IReadOnlyList<decimal?> Values, IReadOnlyList<int> Counted, int Members);

public enum RegionalTotalKind
{
    Sum,
    WeightedAverage,
}

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

        return await BuildAsync(db, cooperation, query.Periods, publicOnly: false, cancellationToken);
    }

    /// <summary>
    /// The monitor of a cooperation as its members see it, or (<paramref name="publicOnly"/>) as residents may: then only
    /// what each member also publishes, the monitors of motions and commitments in its public register and indicators
    /// that such a one requires.
    /// </summary>
    internal static async Task<RegionalMonitor> BuildAsync(GovernanceDbContext db, Cooperation cooperation, int periodCount, bool publicOnly, CancellationToken cancellationToken)
    {
        var id = cooperation.Id;
        var members = cooperation.CurrentMembers.ToList();
        var names = await db.Municipalities.AsNoTracking().Where(m => members.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var shared = await SharedIndicatorsAsync(db, id, members, publicOnly, cancellationToken);
        // Figures only: a narrative answer stays in the municipality's own letter.
        var indicators = (await db.Indicators.AsNoTracking().Include(i => i.Definitions)
            .Where(i => shared.Contains(i.Id)).ToListAsync(cancellationToken)).Where(i => i.Current.Kind.IsNumeric() || i.Current.Kind == IndicatorKind.Breakdown).ToList();
        var figures = await FiguresAsync(db, indicators, cancellationToken);
        var order = members.OrderBy(m => m == cooperation.LeadMunicipalityId ? 0 : 1).ThenBy(m => names[m], StringComparer.Create(Dutch, ignoreCase: true)).ToList();

        var lines = indicators.GroupBy(i => i.RegionalKey).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
        {
            var lead = group.FirstOrDefault(i => i.MunicipalityId == cooperation.LeadMunicipalityId) ?? group.First();
            var definition = lead.Current;
            var periods = group.SelectMany(i => figures.Of(i.Id).Keys).Distinct().Order().TakeLast(Math.Clamp(periodCount, 1, 40)).ToList();
            var rows = order.Select(m =>
            {
                var indicator = group.FirstOrDefault(i => i.MunicipalityId == m);
                if (indicator is null)
                {
                    return new RegionalRow(names[m], false, [.. periods.Select(_ => (decimal?)null)], null, null, "Niet gedeeld");
                }

                var own = figures.Of(indicator.Id);
                var values = periods.Select(p => own.TryGetValue(p, out var v) ? v : (decimal?)null).ToList();
                var missing = periods.Where(p => !own.ContainsKey(p)).ToList();
                var known = own.OrderBy(v => v.Key).ToList();
                var trend = known.Count >= 2 && definition.Kind.IsNumeric()
                    ? TrendPhrase.Describe(indicator.Current.Kind, known[^1].Value, known[^2].Value).Dutch
                    : null;
                return new RegionalRow(names[m], true, values, indicator.Current.Baseline?.Value, trend,
                    missing.Count == 0 ? null : $"Geen waarde voor {string.Join(", ", missing.Select(p => p.Display(Dutch)))}", indicator.Current.Caveat);
            }).ToList();
            var (total, noTotal) = Total(definition, [.. order.Select(m => group.FirstOrDefault(i => i.MunicipalityId == m))], rows, periods, figures, members.Count);
            return new RegionalIndicator(group.Key, definition.Name, definition.Kind, definition.Unit, definition.Decimals, lead.NationalSource,
                [.. periods.Select(p => p.Display(Dutch))], rows, total, noTotal);
        }).ToList();
        return new RegionalMonitor(cooperation.Id.Value, cooperation.Name, [.. order.Select(m => names[m])], lines);
    }

    /// <summary>
    /// The regional figure where the definition allows one: counts and amounts add up over the members with a figure; a
    /// share computed from a part and a whole (<c>[A] / [B] * 100</c>) averages weighted, as the parts over the wholes of
    /// the members with both; other kinds have none, and say why.
    /// </summary>
    private static (RegionalTotal? Total, string? Reason) Total(
        IndicatorDefinition definition, IReadOnlyList<Indicator?> byMember, IReadOnlyList<RegionalRow> rows, IReadOnlyList<ReportingPeriod> periods, SharedFigures figures, int members)
    {
        if (definition.Kind is IndicatorKind.Count or IndicatorKind.Amount)
        {
            var values = new List<decimal?>(periods.Count);
            var counted = new List<int>(periods.Count);
            for (var p = 0; p < periods.Count; p++)
            {
                var known = rows.Select(r => r.Values[p]).OfType<decimal>().ToList();
                values.Add(IsRegional(known.Count, members) ? known.Sum() : null);
                counted.Add(known.Count);
            }

            return (new RegionalTotal(RegionalTotalKind.Sum, values, counted, members), null);
        }

        if (definition.Kind == IndicatorKind.Percentage && byMember.OfType<Indicator>().All(i => i.Current.ParsedFormula?.Share is not null))
        {
            var values = new List<decimal?>(periods.Count);
            var counted = new List<int>(periods.Count);
            foreach (var period in periods)
            {
                var parts = byMember.OfType<Indicator>().Select(i => figures.PartAndWhole(i, period)).OfType<(decimal Part, decimal Whole)>().ToList();
                var whole = parts.Sum(p => p.Whole);
                values.Add(!IsRegional(parts.Count, members) || whole == 0 ? null : decimal.Round(parts.Sum(p => p.Part) / whole * 100, definition.Decimals, MidpointRounding.AwayFromZero));
                counted.Add(whole == 0 ? 0 : parts.Count);
            }

            return (new RegionalTotal(RegionalTotalKind.WeightedAverage, values, counted, members), null);
        }

        return (null, definition.Kind == IndicatorKind.Percentage
            ? "Geen regionaal gemiddelde: niet elke gemeente berekent dit percentage uit een deel en een geheel, en percentages met verschillende noemers middelen niet."
            : "Geen regionaal totaal voor dit soort cijfer.");
    }

    /// <summary>A regional figure speaks for the region only when more than half of the members have a figure in the period.</summary>
    private static bool IsRegional(int counted, int members) => counted * 2 > members;

    private static async Task<SharedFigures> FiguresAsync(GovernanceDbContext db, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        var municipalities = indicators.Select(i => i.MunicipalityId).Distinct().ToList();
        var catalogue = indicators.Any(i => i.Current.IsDerived) ? await DerivedIndicators.LoadAsync(db, cancellationToken, municipalities) : DerivedIndicators.None;
        var derivedIds = indicators.Where(i => catalogue.IsDerived(i.Id)).Select(i => i.Id).ToList();
        var derived = await DerivedValues.LoadAsync(db, catalogue, derivedIds, cancellationToken, [.. indicators.Where(i => !catalogue.IsDerived(i.Id)).Select(i => i.Id)]);
        var figures = indicators.ToDictionary(i => i.Id, i => derived.HistoryOf(i.Id)
            .Select(v => (v.Period, Figure: v.Value.FigureFor(i.VersionAt(v.DefinitionVersion))))
            .Where(v => v.Figure is not null)
            .ToDictionary(v => v.Period, v => v.Figure!.Value));
        return new SharedFigures(figures, derived);
    }

    /// <summary>The shared indicators' figures per period: handed in, or computed for a derived one from its inputs.</summary>
    private sealed class SharedFigures(Dictionary<IndicatorId, Dictionary<ReportingPeriod, decimal>> figures, DerivedValues derived)
    {
        public IReadOnlyDictionary<ReportingPeriod, decimal> Of(IndicatorId id) => figures[id];

        /// <summary>A share's part and whole in a period, when it has a figure there and both inputs have one.</summary>
        public (decimal Part, decimal Whole)? PartAndWhole(Indicator indicator, ReportingPeriod period) =>
            figures[indicator.Id].ContainsKey(period) && indicator.Current.ParsedFormula?.Share is var (part, whole)
            && derived.FigureOf(indicator.Id, part, period) is { } p && derived.FigureOf(indicator.Id, whole, period) is { } w
                ? (p, w)
                : null;
    }

    /// <summary>The indicators shared with the cooperation by its current members, each checked to be the sharer's own.</summary>
    private static async Task<HashSet<IndicatorId>> SharedIndicatorsAsync(
        GovernanceDbContext db, CooperationId id, IReadOnlyList<MunicipalityId> members, bool publicOnly, CancellationToken cancellationToken)
    {
        var shares = await db.RegionalShares.AsNoTracking()
            .Where(s => s.CooperationId == id && s.RevokedAtUtc == null && members.Contains(s.MunicipalityId))
            .Select(s => new { s.MunicipalityId, s.IndicatorId, s.ObligationId }).ToListAsync(cancellationToken);
        var direct = shares.Where(s => s.IndicatorId is not null).Select(s => (s.MunicipalityId, Indicator: s.IndicatorId!.Value)).ToList();
        var obligationIds = shares.Where(s => s.ObligationId is not null).Select(s => s.ObligationId!.Value).ToList();
        var monitors = await db.Obligations.AsNoTracking().Where(o => obligationIds.Contains(o.Id) && (!publicOnly || o.IsPublic)).ToListAsync(cancellationToken);
        if (publicOnly && direct.Count > 0)
        {
            // An indicator shared on its own is public when a motion or commitment in its municipality's public register requires it.
            var directIds = direct.Select(d => d.Indicator).ToList();
            var published = (await db.Obligations.AsNoTracking()
                    .Where(o => o.IsPublic && members.Contains(o.MunicipalityId) && o.RequiredIndicators.Any(r => directIds.Contains(r.IndicatorId)))
                    .ToListAsync(cancellationToken))
                .SelectMany(o => o.RequiredIndicators.Select(r => (o.MunicipalityId, r.IndicatorId))).ToHashSet();
            direct = [.. direct.Where(d => published.Contains((d.MunicipalityId, d.Indicator)))];
        }

        var fromMonitors = monitors.Where(o => shares.Any(s => s.ObligationId == o.Id && s.MunicipalityId == o.MunicipalityId))
            .SelectMany(o => o.RequiredIndicators.Select(r => (o.MunicipalityId, Indicator: r.IndicatorId)));
        var candidates = direct.Concat(fromMonitors).ToList();
        var ids = candidates.Select(c => c.Indicator).Distinct().ToList();
        var owners = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.MunicipalityId }).ToDictionaryAsync(i => i.Id, i => i.MunicipalityId, cancellationToken);
        return [.. candidates.Where(c => owners.TryGetValue(c.Indicator, out var owner) && owner == c.MunicipalityId).Select(c => c.Indicator)];
    }
}

/// <summary>The regional monitors of a municipality's cooperations, as residents may read them from its public register.</summary>
public sealed record PublicRegionalMonitors(Features.PublicRegister.PublicMunicipality Municipality, IReadOnlyList<RegionalMonitor> Monitors);

/// <summary>The public regional monitors of the municipality whose public address is <paramref name="Gemeente"/>.</summary>
public sealed record GetPublicRegionalMonitorsQuery(string Gemeente) : IQuery<Result<PublicRegionalMonitors>>;

/// <summary>
/// For residents, without sign-in: each cooperation the municipality is a member of, with only what each member publishes
/// itself (<see cref="RegionalMonitorHandler.BuildAsync"/> with publicOnly), so nothing reaches the public through the
/// region that its own municipality keeps out of its register.
/// </summary>
internal sealed class PublicRegionalMonitorsHandler(DbContextOptionsCache contexts) : IQueryHandler<GetPublicRegionalMonitorsQuery, Result<PublicRegionalMonitors>>
{
    public async ValueTask<Result<PublicRegionalMonitors>> Handle(GetPublicRegionalMonitorsQuery query, CancellationToken cancellationToken)
    {
        if (await Features.PublicRegister.PublicMunicipalities.FindAsync(contexts, query.Gemeente, cancellationToken) is not { } municipality)
        {
            return new NotFound("Gemeente");
        }

        await using var db = contexts.Create(FixedMunicipalityContext.System, null);
        var id = new MunicipalityId(municipality.Id);
        var cooperations = (await db.Cooperations.AsNoTracking().Where(c => c.EndedAtUtc == null && c.Members.Any(m => m.MunicipalityId == id)).OrderBy(c => c.Name)
            .ToListAsync(cancellationToken)).Where(c => c.IsMember(id)).ToList();
        var monitors = new List<RegionalMonitor>(cooperations.Count);
        foreach (var cooperation in cooperations)
        {
            monitors.Add(await RegionalMonitorHandler.BuildAsync(db, cooperation, 8, publicOnly: true, cancellationToken));
        }

        return new PublicRegionalMonitors(municipality, monitors);
    }
}
