using Governance.Domain.Common;

namespace Governance.Domain.Regions;

public readonly record struct CooperationId(Guid Value) : ITypedId<CooperationId>
{
    public static CooperationId New() => new(Guid.CreateVersion7());

    public static CooperationId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

public readonly record struct RegionalShareId(Guid Value) : ITypedId<RegionalShareId>
{
    public static RegionalShareId New() => new(Guid.CreateVersion7());

    public static RegionalShareId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
