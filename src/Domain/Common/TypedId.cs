namespace Governance.Domain.Common;

/// <summary>A strongly typed id over a version-7 (time-ordered) GUID.</summary>
public interface ITypedId<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}
