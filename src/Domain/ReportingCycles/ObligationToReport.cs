using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;

namespace Governance.Domain.ReportingCycles;

/// <summary>What planning a cycle needs of an obligation: who it is, whether it is closed, its required indicators in order.</summary>
public sealed record ObligationToReport(ObligationId Id, MunicipalityId MunicipalityId, string Reference, bool IsClosed, IReadOnlyList<IndicatorId> RequiredIndicators)
{
    public static ObligationToReport Of(Obligation obligation) =>
        new(obligation.Id, obligation.MunicipalityId, obligation.Reference, obligation.IsClosed, [.. obligation.RequiredIndicators.Select(r => r.IndicatorId)]);
}
