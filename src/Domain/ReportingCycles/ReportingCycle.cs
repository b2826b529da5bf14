using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles.Events;

namespace Governance.Domain.ReportingCycles;

/// <summary>
/// One period's report for one obligation ("Vinger aan de pols, 3e kwartaal 2025"), with a task per
/// required indicator and the deadline of each step. The reporting cycle workflow moves its status.
/// </summary>
public sealed class ReportingCycle : AggregateRoot, IMunicipalityOwned
{
    public const int ActorMaxLength = 120;
    public const int ReasonMaxLength = 2_000;

    private readonly List<IndicatorTask> _tasks = [];
    private readonly List<CycleJournalEntry> _journal = [];

    private ReportingCycle() => Deadlines = null!;

    private ReportingCycle(ObligationId obligationId, MunicipalityId municipalityId, ReportingPeriod period, StepDeadlines deadlines, ReportingCycleStatus status)
    {
        Id = ReportingCycleId.New();
        ObligationId = obligationId;
        MunicipalityId = municipalityId;
        Period = period;
        Deadlines = deadlines;
        Status = status;
    }

    public ReportingCycleId Id { get; private set; }

    public ObligationId ObligationId { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public ReportingPeriod Period { get; private set; }

    public StepDeadlines Deadlines { get; private set; }

    public ReportingCycleStatus Status { get; private set; }

    /// <summary>True for a cycle brought over from before Governance (history), not worked in it.</summary>
    public bool IsImported { get; private set; }

    public IReadOnlyList<IndicatorTask> Tasks => _tasks;

    /// <summary>How many indicator values the cycle asks for: one per task.</summary>
    public int RequiredValues { get; private set; }

    /// <summary>
    /// How many of those are neither submitted nor explained. Kept by the tasks as they change state, so the
    /// guards and the lists read it without loading the tasks.
    /// </summary>
    public int OutstandingValues { get; private set; }

    /// <summary>
    /// The next timed event around the values deadline (reminder, escalation) and the day it fires.
    /// Timers are data on the cycle, swept in bulk by one recurring job; each stage fires once.
    /// </summary>
    public CycleTimer NextTimer { get; private set; } = CycleTimer.Done;

    public DateOnly? NextTimerOn { get; private set; }

    /// <summary>Sets the timer stage the deadline sweep fires next; <see cref="CycleTimer.Done"/> clears it.</summary>
    public void ScheduleTimer(CycleTimer timer, DateOnly? on)
    {
        NextTimer = timer;
        NextTimerOn = timer == CycleTimer.Done ? null : on;
    }

    /// <summary>Every transition, oldest first; never changed.</summary>
    public IReadOnlyList<CycleJournalEntry> Journal => [.. _journal.OrderBy(j => j.Sequence)];

    /// <summary>
    /// Plans the cycle of a period (Scheduled): one task per required indicator, under the definition
    /// version in force now, due on the values deadline. The workflow's Open trigger opens it.
    /// </summary>
    public static ReportingCycle Plan(Obligation obligation, ReportingPeriod period, StepDeadlines deadlines, IReadOnlyCollection<IndicatorDefinition> currentDefinitions) =>
        Plan(ObligationToReport.Of(obligation), period, deadlines, currentDefinitions);

    /// <summary>Plans from what planning needs of an obligation, so a run over thousands need not load them whole.</summary>
    public static ReportingCycle Plan(ObligationToReport obligation, ReportingPeriod period, StepDeadlines deadlines, IReadOnlyCollection<IndicatorDefinition> currentDefinitions)
    {
        if (obligation.IsClosed)
        {
            throw new DomainRuleException($"Obligation {obligation.Reference} is closed; no cycle opens for it.");
        }

        var cycle = new ReportingCycle(obligation.Id, obligation.MunicipalityId, period, deadlines, ReportingCycleStatus.Scheduled);
        foreach (var required in obligation.RequiredIndicators)
        {
            var definition = currentDefinitions.SingleOrDefault(d => d.IndicatorId == required)
                ?? throw new DomainRuleException($"No definition given for required indicator {required}.");
            cycle.Add(new IndicatorTask(cycle, obligation.Reference, definition, deadlines.ValuesDue));
        }

        cycle.Raise(new ReportingCycleOpened(cycle.Id, obligation.Id, period.Code));
        return cycle;
    }

    /// <summary>
    /// Brings over a closed report from before Governance, with the values it contained, so the
    /// comparisons with earlier periods have their history.
    /// </summary>
    public static ReportingCycle ImportHistory(
        Obligation obligation,
        ReportingPeriod period,
        StepDeadlines deadlines,
        IReadOnlyList<(IndicatorDefinition Definition, IndicatorValue Value, string? Source)> values,
        string importedBy,
        DateTime nowUtc)
    {
        var cycle = new ReportingCycle(obligation.Id, obligation.MunicipalityId, period, deadlines, ReportingCycleStatus.Closed) { IsImported = true };
        foreach (var (definition, value, source) in values)
        {
            var task = cycle.Add(new IndicatorTask(cycle, obligation.Reference, definition, deadlines.ValuesDue));
            var recorded = task.Record(definition, value, null, source, importedBy, nowUtc);
            if (!recorded.Succeeded)
            {
                throw new DomainRuleException(recorded.Error.Message);
            }

            task.EnterStatus(value.IsNotAvailable ? IndicatorTaskStatus.NotAvailable : IndicatorTaskStatus.Submitted);
            task.ClearDomainEvents();
        }

        return cycle;
    }

    /// <summary>
    /// For a store that reads rows without EF (the value writer on SQLite): the cycle as stored, with its journal;
    /// its tasks are added as they are read. Raises nothing.
    /// </summary>
    internal static ReportingCycle Restore(
        ReportingCycleId id,
        ObligationId obligationId,
        MunicipalityId municipalityId,
        ReportingPeriod period,
        StepDeadlines deadlines,
        ReportingCycleStatus status,
        bool isImported,
        int version,
        CycleTimer nextTimer,
        DateOnly? nextTimerOn,
        int requiredValues,
        int outstandingValues,
        IEnumerable<CycleJournalEntry> journal)
    {
        var cycle = new ReportingCycle(obligationId, municipalityId, period, deadlines, status)
        {
            Id = id,
            IsImported = isImported,
            NextTimer = nextTimer,
            NextTimerOn = nextTimerOn,
            RequiredValues = requiredValues,
            OutstandingValues = outstandingValues,
        };
        cycle.RestoreVersion(version);
        cycle._journal.AddRange(journal);
        return cycle;
    }

    /// <summary>A task read beside its cycle by a store that reads rows without EF; the counts stay as stored.</summary>
    internal void RestoreTask(IndicatorTask task) => _tasks.Add(task);

    public IndicatorTask? TaskFor(IndicatorId indicatorId) => _tasks.SingleOrDefault(t => t.IndicatorId == indicatorId);

    /// <summary>Comply or explain: every required value is submitted, or explicitly not available with a reason.</summary>
    public bool AllValuesDone => RequiredValues > 0 && OutstandingValues == 0;

    /// <summary>A task changed state: one value more or less is outstanding.</summary>
    internal void CountValue(IndicatorTaskStatus from, IndicatorTaskStatus to)
    {
        if (from.IsDone() != to.IsDone())
        {
            OutstandingValues += to.IsDone() ? -1 : 1;
        }
    }

    private IndicatorTask Add(IndicatorTask task)
    {
        _tasks.Add(task);
        RequiredValues++;
        if (!task.Status.IsDone())
        {
            OutstandingValues++;
        }

        return task;
    }

    /// <summary>The trigger named on the journal line of <see cref="MoveDeadlines"/>.</summary>
    public const string DeadlinesMovedTrigger = "DeadlinesMoved";

    /// <summary>
    /// The calendar the deadlines were planned from changed: each step the cycle has not passed takes its new
    /// deadline (a step passed keeps the date it had), the open tasks move with the values deadline, and a journal
    /// line says what moved and why. Returns the steps that moved, none when nothing did.
    /// </summary>
    public IReadOnlyList<MovedDeadline> MoveDeadlines(StepDeadlines planned, DateTime nowUtc, string actor, Func<IReadOnlyList<MovedDeadline>, string> reason)
    {
        if (IsImported || Status is ReportingCycleStatus.Sent or ReportingCycleStatus.Closed or ReportingCycleStatus.Cancelled)
        {
            return [];
        }

        var valuesIn = Status.RequiresAllValues();
        var draftIn = Status is ReportingCycleStatus.InApproval or ReportingCycleStatus.Approved;
        var approved = Status is ReportingCycleStatus.Approved;
        var next = new StepDeadlines(
            valuesIn ? Deadlines.ValuesDue : planned.ValuesDue,
            draftIn ? Deadlines.DraftDue : planned.DraftDue,
            approved ? Deadlines.ApprovalsDue : planned.ApprovalsDue,
            planned.SendToCouncil);
        var moved = new List<MovedDeadline>(4);
        foreach (var (step, from, to) in new[]
        {
            (DeadlineStep.Values, Deadlines.ValuesDue, next.ValuesDue),
            (DeadlineStep.Draft, Deadlines.DraftDue, next.DraftDue),
            (DeadlineStep.Approvals, Deadlines.ApprovalsDue, next.ApprovalsDue),
            (DeadlineStep.SendToCouncil, Deadlines.SendToCouncil, next.SendToCouncil),
        })
        {
            if (from != to)
            {
                moved.Add(new MovedDeadline(step, from, to));
            }
        }

        if (moved.Count == 0)
        {
            return [];
        }

        Deadlines = next;
        foreach (var task in _tasks.Where(t => !t.Status.IsDone()))
        {
            task.MoveDue(next.ValuesDue);
        }

        _journal.Add(new CycleJournalEntry(nowUtc, Guard.Text(actor, nameof(actor), ActorMaxLength), Status, Status, DeadlinesMovedTrigger,
            Guard.OptionalText(reason(moved), nameof(reason), ReasonMaxLength)) { Sequence = _journal.Count + 1 });
        return moved;
    }

    /// <summary>
    /// Entered only by the reporting cycle workflow, which journals the transition here in the same
    /// save as its effects. The backstop for the entry invariants.
    /// </summary>
    internal void EnterStatus(ReportingCycleStatus status, DateTime nowUtc, string actor, string trigger, string? reason)
    {
        if (status.RequiresAllValues() && !AllValuesDone)
        {
            throw new DomainRuleException($"The cycle cannot be {status} while a required value is neither submitted nor explained.");
        }

        if (status == ReportingCycleStatus.Cancelled && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("A cycle is cancelled only with a reason.");
        }

        _journal.Add(new CycleJournalEntry(nowUtc, Guard.Text(actor, nameof(actor), ActorMaxLength), Status, status, trigger,
            Guard.OptionalText(reason, nameof(reason), ReasonMaxLength)) { Sequence = _journal.Count + 1 });
        Status = status;
        Raise(new ReportingCycleStatusChanged(Id, _journal[^1].From, status));
    }
}

/// <summary>A step of a reporting cycle that has a deadline.</summary>
public enum DeadlineStep
{
    Values,
    Draft,
    Approvals,
    SendToCouncil,
}

/// <summary>A step's deadline that moved, from one date to another.</summary>
public sealed record MovedDeadline(DeadlineStep Step, DateOnly From, DateOnly To);
