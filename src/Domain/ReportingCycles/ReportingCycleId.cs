using Governance.Domain.Common;

namespace Governance.Domain.ReportingCycles;

public readonly record struct ReportingCycleId(Guid Value) : ITypedId<ReportingCycleId>
{
    public static ReportingCycleId New() => new(Guid.CreateVersion7());

    public static ReportingCycleId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
