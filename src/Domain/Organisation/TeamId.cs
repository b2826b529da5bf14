using Governance.Domain.Common;

namespace Governance.Domain.Organisation;

public readonly record struct TeamId(Guid Value) : ITypedId<TeamId>
{
    public static TeamId New() => new(Guid.CreateVersion7());

    public static TeamId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
