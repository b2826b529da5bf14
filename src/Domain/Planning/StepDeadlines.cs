using Governance.Domain.ReportingCycles;

namespace Governance.Domain.Planning;

/// <summary>The deadlines of the steps of one reporting cycle, in order.</summary>
public sealed record StepDeadlines(DateOnly ValuesDue, DateOnly DraftDue, DateOnly ApprovalsDue, DateOnly SendToCouncil)
{
    public IEnumerable<DateOnly> All => [ValuesDue, DraftDue, ApprovalsDue, SendToCouncil];

    /// <summary>The deadline of <paramref name="step"/>.</summary>
    public DateOnly Of(DeadlineStep step) => step switch
    {
        DeadlineStep.Values => ValuesDue,
        DeadlineStep.Draft => DraftDue,
        DeadlineStep.Approvals => ApprovalsDue,
        _ => SendToCouncil,
    };

    /// <summary>The property that holds the deadline of <paramref name="step"/>, for queries built from a step.</summary>
    public static string PropertyOf(DeadlineStep step) => step switch
    {
        DeadlineStep.Values => nameof(ValuesDue),
        DeadlineStep.Draft => nameof(DraftDue),
        DeadlineStep.Approvals => nameof(ApprovalsDue),
        _ => nameof(SendToCouncil),
    };
}

/// <summary>
/// How step deadlines are derived, in (working) days. A recurring period counts forward from its
/// end; a P&amp;C half-year and a one-off report count backward from the council date they must reach.
/// </summary>
public sealed record DeadlineRules
{
    public bool CountWorkingDays { get; init; } = true;

    public int ValuesDueAfterPeriodEnd { get; init; } = 15;

    public int DraftDueAfterValues { get; init; } = 5;

    public int ApprovalsDueAfterDraft { get; init; } = 5;

    /// <summary>Used when the calendar lists no council meeting after the approvals.</summary>
    public int SendAfterApprovals { get; init; } = 3;

    /// <summary>A new obligation's first values are due no sooner than this many (working) days after its registration.</summary>
    public int FirstValuesAfterRegistration { get; init; } = 10;

    /// <summary>A cycle opens this many (working) days before its values are due, so staff have time to supply them.</summary>
    public int OpenBeforeValuesDue { get; init; } = 15;

    public static DeadlineRules Default { get; } = new();
}
