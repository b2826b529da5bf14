using Governance.Domain.Common;

namespace Governance.Domain.Indicators.Events;

public sealed record IndicatorDefined(IndicatorId IndicatorId, string Code) : IDomainEvent;

public sealed record IndicatorRevised(IndicatorId IndicatorId, int VersionNumber) : IDomainEvent;
