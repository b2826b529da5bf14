using Governance.Domain.Common;

namespace Governance.Domain.Obligations;

public readonly record struct ObligationId(Guid Value) : ITypedId<ObligationId>
{
    public static ObligationId New() => new(Guid.CreateVersion7());

    public static ObligationId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
