using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// The derived indicators of the catalogue and what they are computed from, and the benchmarks set beside indicators.
/// A derived indicator is never asked for: when a cycle opens, the measured indicators its formula reads are asked for
/// in its place (through a derived input, down to measured ones), and its value in a period is computed from theirs
/// (<see cref="DerivedValues"/>). A required indicator's benchmark (the national figure) is asked for with it.
/// </summary>
public sealed class DerivedIndicators
{
    /// <summary>How deep derived indicators may build on each other; the catalogue check refuses a formula that goes deeper.</summary>
    public const int MaxNesting = 4;

    private readonly Dictionary<IndicatorId, (MunicipalityId Municipality, IndicatorDefinition Definition)> _derived;
    private readonly Dictionary<(MunicipalityId, string), IndicatorId> _ids;
    private readonly Dictionary<IndicatorId, IndicatorId> _benchmarks;

    private DerivedIndicators(Dictionary<IndicatorId, (MunicipalityId, IndicatorDefinition)> derived, Dictionary<(MunicipalityId, string), IndicatorId> ids, Dictionary<IndicatorId, IndicatorId> benchmarks)
    {
        _derived = derived;
        _ids = ids;
        _benchmarks = benchmarks;
    }

    public static DerivedIndicators None { get; } = new([], [], []);

    public bool Any => _derived.Count > 0;

    /// <summary>
    /// The derived indicators (those whose current definition has a formula) and the ids of the codes their formulas read;
    /// in every municipality on a system context (or in <paramref name="only"/> those), else in the context's own.
    /// </summary>
    public static async Task<DerivedIndicators> LoadAsync(GovernanceDbContext db, CancellationToken cancellationToken, IReadOnlyCollection<MunicipalityId>? only = null)
    {
        var candidates = await db.Indicators.AsNoTracking().Include(i => i.Definitions)
            .Where(i => only == null || only.Contains(i.MunicipalityId))
            .Where(i => i.Definitions.Any(d => d.Formula != null || d.Benchmark != null))
            .ToListAsync(cancellationToken);
        var derived = candidates.Where(i => i.Current.IsDerived).ToDictionary(i => i.Id, i => (i.MunicipalityId, i.Current));
        var compared = candidates.Where(i => i.Current.Benchmark is not null).ToList();
        if (derived.Count == 0 && compared.Count == 0)
        {
            return None;
        }

        var codes = derived.Values.SelectMany(d => d.Current.ParsedFormula!.Codes).Concat(compared.Select(i => i.Current.Benchmark!)).Distinct().ToList();
        var municipalities = derived.Values.Select(d => d.MunicipalityId).Concat(compared.Select(i => i.MunicipalityId)).Distinct().ToList();
        var ids = await db.Indicators.AsNoTracking()
            .Where(i => codes.Contains(i.Code) && municipalities.Contains(i.MunicipalityId))
            .Select(i => new { i.MunicipalityId, i.Code, i.Id })
            .ToDictionaryAsync(i => (i.MunicipalityId, i.Code), i => i.Id, cancellationToken);
        var benchmarks = compared.Where(i => ids.ContainsKey((i.MunicipalityId, i.Current.Benchmark!)))
            .ToDictionary(i => i.Id, i => ids[(i.MunicipalityId, i.Current.Benchmark!)]);
        return new DerivedIndicators(derived, ids, benchmarks);
    }

    /// <summary>The indicator set beside <paramref name="id"/> in letters (its national figure), if any.</summary>
    public IndicatorId? BenchmarkOf(IndicatorId id) => _benchmarks.TryGetValue(id, out var benchmark) ? benchmark : null;

    public bool IsDerived(IndicatorId id) => _derived.ContainsKey(id);

    /// <summary>The current definition of a derived indicator.</summary>
    public IndicatorDefinition? DefinitionOf(IndicatorId id) => _derived.TryGetValue(id, out var d) ? d.Definition : null;

    /// <summary>The indicator a derived indicator's formula means by <paramref name="code"/>, in its own municipality.</summary>
    public IndicatorId? Resolve(IndicatorId derived, string code) =>
        _derived.TryGetValue(derived, out var d) && _ids.TryGetValue((d.Municipality, code), out var id) ? id : null;

    /// <summary>The indicators a derived one reads, directly.</summary>
    public IEnumerable<IndicatorId> InputsOf(IndicatorId derived) =>
        _derived.TryGetValue(derived, out var d)
            ? d.Definition.ParsedFormula!.Codes.Select(code => Resolve(derived, code)).OfType<IndicatorId>()
            : [];

    /// <summary>The given indicators and every one their formulas read, through derived inputs: what computing them takes.</summary>
    public IReadOnlyList<IndicatorId> Closure(IEnumerable<IndicatorId> ids)
    {
        var all = new List<IndicatorId>();
        var next = new Queue<(IndicatorId Id, int Depth)>(ids.Select(id => (id, 0)));
        while (next.TryDequeue(out var item))
        {
            if (all.Contains(item.Id))
            {
                continue;
            }

            all.Add(item.Id);
            if (item.Depth <= MaxNesting)
            {
                foreach (var input in InputsOf(item.Id))
                {
                    next.Enqueue((input, item.Depth + 1));
                }
            }
        }

        return all;
    }

    /// <summary>
    /// What a cycle asks for, given what the obligation requires: each derived indicator replaced by the measured ones it is
    /// computed from (through derived inputs), and each benchmark beside a required one; each once, in order of first appearance.
    /// </summary>
    public IReadOnlyList<IndicatorId> Measured(IReadOnlyList<IndicatorId> required)
    {
        if (!required.Any(id => IsDerived(id) || _benchmarks.ContainsKey(id)))
        {
            return required;
        }

        var asked = new List<IndicatorId>();
        foreach (var id in required)
        {
            Add(id, 0);
            if (BenchmarkOf(id) is { } benchmark)
            {
                Add(benchmark, 1);
            }
        }

        return asked;

        void Add(IndicatorId id, int depth)
        {
            if (!IsDerived(id))
            {
                if (!asked.Contains(id))
                {
                    asked.Add(id);
                }
            }
            else if (depth <= MaxNesting)
            {
                foreach (var input in InputsOf(id))
                {
                    Add(input, depth + 1);
                }
            }
        }
    }
}
