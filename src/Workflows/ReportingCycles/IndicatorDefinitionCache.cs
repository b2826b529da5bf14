using System.Collections.Concurrent;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Indicator definitions by (indicator, version number) for the value writer, kept for the life of the process: a
/// version never changes once saved (revising an indicator adds a version), so a definition read once holds on every
/// server. A version not seen yet is read with all versions of its indicator.
/// </summary>
public sealed class IndicatorDefinitionCache
{
    private readonly ConcurrentDictionary<(IndicatorId, int), IndicatorDefinition> _known = new();

    internal async Task<IReadOnlyDictionary<(IndicatorId, int), IndicatorDefinition>> GetAsync(
        GovernanceDbContext db, IEnumerable<(IndicatorId Indicator, int Version)> wanted, CancellationToken cancellationToken)
    {
        var keys = wanted.Distinct().ToList();
        var missing = keys.Where(k => !_known.ContainsKey(k)).Select(k => k.Indicator).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var definition in await db.IndicatorDefinitions.AsNoTracking().Where(d => EF.Parameter(missing).Contains(d.IndicatorId)).ToListAsync(cancellationToken))
            {
                _known[(definition.IndicatorId, definition.VersionNumber)] = definition;
            }
        }

        return keys.ToDictionary(k => k, k => _known[k]);
    }
}
