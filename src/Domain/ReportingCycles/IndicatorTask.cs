using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Organisation;
using Governance.Domain.ReportingCycles.Events;

namespace Governance.Domain.ReportingCycles;

/// <summary>The work of supplying one required indicator's value for one cycle, assigned to the indicator's team.</summary>
public sealed class IndicatorTask : Entity
{
    private readonly List<RecordedValue> _values = [];

    private IndicatorTask()
    {
        ObligationReference = null!;
        IndicatorCode = null!;
    }

    internal IndicatorTask(ReportingCycle cycle, string obligationReference, IndicatorDefinition definition, DateOnly dueDate)
    {
        Id = IndicatorTaskId.New();
        Cycle = cycle;
        CycleId = cycle.Id;
        ObligationReference = obligationReference;
        IndicatorId = definition.IndicatorId;
        IndicatorCode = definition.IndicatorCode;
        DefinitionVersion = definition.VersionNumber;
        TeamId = definition.ResponsibleTeamId;
        DueDate = dueDate;
        Status = IndicatorTaskStatus.Open;
    }

    /// <summary>
    /// For a store that reads rows without EF: the task as stored, joined to its cycle, with the values read
    /// (the latest is enough to append). Raises nothing.
    /// </summary>
    internal static IndicatorTask Restore(
        ReportingCycle cycle,
        IndicatorTaskId id,
        IndicatorId indicatorId,
        int definitionVersion,
        TeamId teamId,
        string? assigneeUserId,
        DateOnly dueDate,
        IndicatorTaskStatus status,
        string? returnReason,
        IEnumerable<RecordedValue> values)
    {
        // The sort keys are not read: a store writes a task's status, assignee and values, never its sort keys.
        var task = new IndicatorTask
        {
            Id = id,
            Cycle = cycle,
            CycleId = cycle.Id,
            IndicatorId = indicatorId,
            DefinitionVersion = definitionVersion,
            TeamId = teamId,
            AssigneeUserId = assigneeUserId,
            DueDate = dueDate,
            Status = status,
            ReturnReason = returnReason,
        };
        task._values.AddRange(values);
        cycle.RestoreTask(task);
        return task;
    }

    public IndicatorTaskId Id { get; private set; }

    public ReportingCycleId CycleId { get; private set; }

    /// <summary>The cycle the task belongs to, when it is loaded: a change of state is counted there.</summary>
    internal ReportingCycle? Cycle { get; private set; }

    public IndicatorId IndicatorId { get; private set; }

    /// <summary>
    /// Copies of the obligation's reference and the indicator's code, the order of Mijn taken after the deadline: kept on
    /// the task so that a team's first page is read from an index instead of sorting every task of the team. A revised
    /// reference is carried to the tasks in the same transaction (<c>ReviseObligation</c>); a code never changes.
    /// </summary>
    public string ObligationReference { get; private set; }

    /// <inheritdoc cref="ObligationReference"/>
    public string IndicatorCode { get; private set; }

    /// <summary>The definition version in force when the cycle opened.</summary>
    public int DefinitionVersion { get; private set; }

    public TeamId TeamId { get; private set; }

    public string? AssigneeUserId { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>The values deadline of the cycle moved (its P&amp;C calendar changed).</summary>
    internal void MoveDue(DateOnly dueDate) => DueDate = dueDate;

    public IndicatorTaskStatus Status { get; private set; }

    /// <summary>
    /// The values recorded, in order; all of them, or only the latest where a unit of work loaded no more
    /// (appending a value needs only the latest: the next number follows it).
    /// </summary>
    public IReadOnlyList<RecordedValue> Values => _values;

    public RecordedValue? CurrentValue => _values.MaxBy(v => v.Sequence);

    /// <summary>
    /// Records a value for the indicator. It must fit the definition the task was opened under;
    /// earlier values are kept. Returns the failure when the value does not fit.
    /// </summary>
    public Result Record(IndicatorDefinition definition, IndicatorValue value, string? explanation, string? source, string recordedBy, DateTime nowUtc)
    {
        if (definition.IndicatorId != IndicatorId || definition.VersionNumber != DefinitionVersion)
        {
            throw new DomainRuleException("A value is checked against the definition version of its task.");
        }

        var fits = value.FitsDefinition(definition);
        if (!fits.Succeeded)
        {
            return fits;
        }

        _values.Add(new RecordedValue((CurrentValue?.Sequence ?? 0) + 1, DefinitionVersion, value, explanation, source, recordedBy, nowUtc));
        Raise(new IndicatorValueRecorded(CycleId, Id, IndicatorId));
        return Result.Success();
    }

    /// <summary>Gives the task to one member of the team (or back to the whole team); a new assignee hears of it.</summary>
    public void AssignTo(string? userId)
    {
        var assignee = string.IsNullOrWhiteSpace(userId) ? null : userId;
        if (assignee == AssigneeUserId)
        {
            return;
        }

        AssigneeUserId = assignee;
        if (assignee is not null)
        {
            Raise(new IndicatorTaskAssigned(CycleId, Id, assignee));
        }
    }

    /// <summary>Why the task was last returned (by the team lead or the drafter); cleared when submitted again.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>Entered only by the indicator task workflow; refuses states whose data does not hold.</summary>
    internal void EnterStatus(IndicatorTaskStatus status, string? reason = null)
    {
        switch (status)
        {
            case IndicatorTaskStatus.Submitted when CurrentValue is null || CurrentValue.Value.IsNotAvailable:
                throw new DomainRuleException("A task is submitted only with a value.");
            case IndicatorTaskStatus.NotAvailable when CurrentValue is not { Value.IsNotAvailable: true }:
                throw new DomainRuleException("A task is not available only with a recorded reason.");
            case IndicatorTaskStatus.DraftSaved when CurrentValue is null:
                throw new DomainRuleException("A draft is saved only with a value.");
            case IndicatorTaskStatus.Returned when string.IsNullOrWhiteSpace(reason):
                throw new DomainRuleException("A value is returned only with a comment.");
        }

        var from = Status;
        var cycle = Cycle ?? throw new DomainRuleException("A task changes state only with its cycle loaded, which counts the values still outstanding.");
        ReturnReason = status == IndicatorTaskStatus.Returned ? Guard.Text(reason, nameof(reason), 2_000) : null;
        Status = status;
        cycle.CountValue(from, status);
        Raise(new IndicatorTaskStatusChanged(CycleId, Id, from, status));
    }
}
