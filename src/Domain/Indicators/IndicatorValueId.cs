using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

public readonly record struct IndicatorValueId(Guid Value) : ITypedId<IndicatorValueId>
{
    public static IndicatorValueId New() => new(Guid.CreateVersion7());

    public static IndicatorValueId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
