using Governance.Domain.Organisation;

namespace Governance.Domain.Obligations;

/// <summary>What the griffie registers about a motion or commitment; validated by the obligation itself.</summary>
public sealed record ObligationDetails
{
    public required string Reference { get; init; }

    public required string Title { get; init; }

    /// <summary>The dictum of a motion, or the promise of a commitment.</summary>
    public required string Text { get; init; }

    /// <summary>The day the motion was adopted or the commitment made.</summary>
    public required DateOnly AdoptedOn { get; init; }

    public required Meeting Meeting { get; init; }

    public required IReadOnlyList<AldermanId> ResponsibleAldermen { get; init; }

    public required string PolicyArea { get; init; }

    public required Cadence Cadence { get; init; }

    /// <summary>When a one-off report is due.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>When a recurring obligation ends (e.g. 2030); open-ended when absent.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>
    /// Reporting covers the periods that end on or after this date; the date adopted when absent.
    /// Set it when registering an older motion, so no backlog of past periods opens.
    /// </summary>
    public DateOnly? ReportingFrom { get; init; }

    /// <summary>
    /// The day the obligation was registered: today when absent. Set it when bringing over a list kept in an earlier tool,
    /// so that the reports it already owed keep their planned deadlines. Used only at registration.
    /// </summary>
    public DateOnly? RegisteredOn { get; init; }

    public required IReadOnlyList<RequiredIndicator> RequiredIndicators { get; init; }

    /// <summary>The parties that submitted a motion (e.g. "PvdA"); empty for a commitment.</summary>
    public IReadOnlyList<string> SubmittingParties { get; init; } = [];
}
