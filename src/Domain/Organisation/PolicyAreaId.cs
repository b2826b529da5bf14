using Governance.Domain.Common;

namespace Governance.Domain.Organisation;

public readonly record struct PolicyAreaId(Guid Value) : ITypedId<PolicyAreaId>
{
    public static PolicyAreaId New() => new(Guid.CreateVersion7());

    public static PolicyAreaId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
