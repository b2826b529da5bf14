using Governance.Domain.Common;

namespace Governance.Domain.Letters;

public readonly record struct ApprovalId(Guid Value) : ITypedId<ApprovalId>
{
    public static ApprovalId New() => new(Guid.CreateVersion7());

    public static ApprovalId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
