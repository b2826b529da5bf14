using Governance.Domain.Common;

namespace Governance.Domain.Accounts;

public readonly record struct SignInSessionId(Guid Value) : ITypedId<SignInSessionId>
{
    public static SignInSessionId New() => new(Guid.CreateVersion7());

    public static SignInSessionId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
