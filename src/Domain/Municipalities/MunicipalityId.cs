using Governance.Domain.Common;

namespace Governance.Domain.Municipalities;

public readonly record struct MunicipalityId(Guid Value) : ITypedId<MunicipalityId>
{
    public static MunicipalityId New() => new(Guid.CreateVersion7());

    public static MunicipalityId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
