using Governance.Domain.Common;

namespace Governance.Domain.Notifications;

public readonly record struct NotificationId(Guid Value) : ITypedId<NotificationId>
{
    public static NotificationId New() => new(Guid.CreateVersion7());

    public static NotificationId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
