using Governance.Domain.Common;

namespace Governance.Domain.Accounts;

public readonly record struct ApiKeyId(Guid Value) : ITypedId<ApiKeyId>
{
    public static ApiKeyId New() => new(Guid.CreateVersion7());

    public static ApiKeyId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
