using Governance.Domain.Common;

namespace Governance.Domain.Letters;

public readonly record struct CouncilLetterId(Guid Value) : ITypedId<CouncilLetterId>
{
    public static CouncilLetterId New() => new(Guid.CreateVersion7());

    public static CouncilLetterId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
