using Governance.Domain.Common;

namespace Governance.Domain.Organisation;

public readonly record struct AldermanId(Guid Value) : ITypedId<AldermanId>
{
    public static AldermanId New() => new(Guid.CreateVersion7());

    public static AldermanId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
