using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Obligations;

namespace Governance.Domain.ReportingCycles.Events;

public sealed record ReportingCycleOpened(ReportingCycleId CycleId, ObligationId ObligationId, string Period) : IDomainEvent;

public sealed record IndicatorValueRecorded(ReportingCycleId CycleId, IndicatorTaskId TaskId, IndicatorId IndicatorId) : IDomainEvent;

public sealed record ReportingCycleStatusChanged(ReportingCycleId CycleId, ReportingCycleStatus From, ReportingCycleStatus To) : IDomainEvent;

public sealed record IndicatorTaskStatusChanged(ReportingCycleId CycleId, IndicatorTaskId TaskId, IndicatorTaskStatus From, IndicatorTaskStatus To) : IDomainEvent;

/// <summary>A team lead gave the task to a member of the team (none when it went back to the whole team).</summary>
public sealed record IndicatorTaskAssigned(ReportingCycleId CycleId, IndicatorTaskId TaskId, string AssigneeUserId) : IDomainEvent;
