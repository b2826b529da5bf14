using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

public readonly record struct IndicatorDefinitionId(Guid Value) : ITypedId<IndicatorDefinitionId>
{
    public static IndicatorDefinitionId New() => new(Guid.CreateVersion7());

    public static IndicatorDefinitionId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
