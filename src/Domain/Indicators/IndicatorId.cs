using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

public readonly record struct IndicatorId(Guid Value) : ITypedId<IndicatorId>
{
    public static IndicatorId New() => new(Guid.CreateVersion7());

    public static IndicatorId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
