using Governance.Domain.Common;

namespace Governance.Domain.PublicRegister;

public readonly record struct PublicSubscriptionId(Guid Value) : ITypedId<PublicSubscriptionId>
{
    public static PublicSubscriptionId New() => new(Guid.CreateVersion7());

    public static PublicSubscriptionId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
