using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Obligations;

namespace Governance.Domain.ReportingCycles.Events;

public sealed record ReportingCycleOpened(ReportingCycleId CycleId, ObligationId ObligationId, string Period) : IDomainEvent;

public sealed record IndicatorValueRecorded(ReportingCycleId CycleId, IndicatorTaskId TaskId, IndicatorId IndicatorId) : IDomainEvent;

public sealed record ReportingCycleStatusChanged(ReportingCycleId CycleId, ReportingCycleStatus From, ReportingCycleStatus To) : IDomainEvent;

public sealed record IndicatorTaskStatusChanged(ReportingCycleId CycleId, IndicatorTaskId TaskId, IndicatorTaskStatus From, IndicatorTaskStatus To) : IDomainEvent;
