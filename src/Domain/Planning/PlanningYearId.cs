using Governance.Domain.Common;

namespace Governance.Domain.Planning;

public readonly record struct PlanningYearId(Guid Value) : ITypedId<PlanningYearId>
{
    public static PlanningYearId New() => new(Guid.CreateVersion7());

    public static PlanningYearId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
