using Governance.Domain.Common;

namespace Governance.Domain.Organisation;

public readonly record struct CommitteeId(Guid Value) : ITypedId<CommitteeId>
{
    public static CommitteeId New() => new(Guid.CreateVersion7());

    public static CommitteeId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
