using Governance.Domain.Common;

namespace Governance.Domain.ReportingCycles;

public readonly record struct IndicatorTaskId(Guid Value) : ITypedId<IndicatorTaskId>
{
    public static IndicatorTaskId New() => new(Guid.CreateVersion7());

    public static IndicatorTaskId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
