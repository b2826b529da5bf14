using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.Tests.Support;

/// <summary>Cycles and tasks in any state, for the transition tables.</summary>
internal static class Cycles
{
    public static readonly DateTime Now = new(2025, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    public static readonly MunicipalityId Maastricht = MunicipalityId.New();
    private static readonly TeamId Team = TeamId.New();
    private static readonly StepDeadlines Deadlines = new(new DateOnly(2026, 1, 22), new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 10));

    public static Indicator Count { get; } = new(Maastricht, "WMO-AANVRAGEN", Spec(IndicatorKind.Count), Now);

    public static Indicator Share { get; } = new(Maastricht, "WMO-TIJDIG", Spec(IndicatorKind.Percentage) with { Unit = "%", Decimals = 1 }, Now);

    public static ReportingCycle Planned() =>
        ReportingCycle.Plan(Motion(), ReportingPeriod.Quarter(2025, 4), Deadlines, [Count.Current, Share.Current]);

    /// <summary>A report of an earlier period brought over with its values, for comparisons.</summary>
    public static ReportingCycle Imported(ReportingPeriod period, decimal count, decimal share) =>
        ReportingCycle.ImportHistory(Motion(), period, Deadlines,
            [(Count.Current, IndicatorValue.OfNumber(count), "Monitor"), (Share.Current, IndicatorValue.OfNumber(share), "Monitor")], "Import", Now);

    private static Motion Motion()
    {
        return new Motion(Maastricht, new ObligationDetails
        {
            Reference = "M-2018-112",
            Title = "Doorlooptijden Wmo",
            Text = "Verzoekt het college jaarlijks te rapporteren.",
            AdoptedOn = new DateOnly(2018, 11, 13),
            Meeting = new Meeting("Gemeenteraad", new DateOnly(2018, 11, 13)),
            ResponsibleAldermen = [AldermanId.New()],
            PolicyArea = "Wmo",
            Cadence = Cadence.Quarterly,
            RequiredIndicators = [new RequiredIndicator(Count.Id, 1, "a"), new RequiredIndicator(Share.Id, 2, "b")],
            SubmittingParties = ["Raadsbreed"],
        }, Now, "Griffie");
    }

    /// <summary>A cycle brought to a state along the flow, with every value supplied where the state needs it.</summary>
    public static ReportingCycle InStatus(ReportingCycleStatus status)
    {
        var cycle = Planned();
        if (status == ReportingCycleStatus.Scheduled)
        {
            return cycle;
        }

        if (status.RequiresAllValues())
        {
            SupplyAllValues(cycle);
        }

        var path = status switch
        {
            ReportingCycleStatus.Scheduled => [],
            ReportingCycleStatus.Open => [ReportingCycleStatus.Open],
            ReportingCycleStatus.Collecting => [ReportingCycleStatus.Open, ReportingCycleStatus.Collecting],
            ReportingCycleStatus.Complete => [ReportingCycleStatus.Open, ReportingCycleStatus.Complete],
            ReportingCycleStatus.Drafting => [ReportingCycleStatus.Open, ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting],
            ReportingCycleStatus.InApproval => [ReportingCycleStatus.Open, ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting, ReportingCycleStatus.InApproval],
            ReportingCycleStatus.SentBack => [ReportingCycleStatus.Open, ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting, ReportingCycleStatus.InApproval, ReportingCycleStatus.SentBack],
            ReportingCycleStatus.Approved => [ReportingCycleStatus.Open, ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting, ReportingCycleStatus.InApproval, ReportingCycleStatus.Approved],
            ReportingCycleStatus.Sent => [ReportingCycleStatus.Open, ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting, ReportingCycleStatus.InApproval, ReportingCycleStatus.Approved, ReportingCycleStatus.Sent],
            ReportingCycleStatus.Closed => [ReportingCycleStatus.Open, ReportingCycleStatus.Complete, ReportingCycleStatus.Drafting, ReportingCycleStatus.InApproval, ReportingCycleStatus.Approved, ReportingCycleStatus.Sent, ReportingCycleStatus.Closed],
            ReportingCycleStatus.Cancelled => new[] { ReportingCycleStatus.Cancelled },
        };
        foreach (var step in path)
        {
            cycle.EnterStatus(step, Now, "Test", "setup", "reden");
        }

        return cycle;
    }

    public static void SupplyAllValues(ReportingCycle cycle)
    {
        var count = cycle.TaskFor(Count.Id)!;
        count.Record(Count.Current, IndicatorValue.OfNumber(2834), null, "Monitor", "Sanne", Now);
        count.EnterStatus(IndicatorTaskStatus.Submitted);
        var share = cycle.TaskFor(Share.Id)!;
        share.Record(Share.Current, IndicatorValue.NotAvailable("Nog geen cijfers."), null, null, "Sanne", Now);
        share.EnterStatus(IndicatorTaskStatus.NotAvailable);
    }

    public static IndicatorSpecification Spec(IndicatorKind kind) => new()
    {
        Name = kind.ToString(),
        Definition = "Definitie",
        Kind = kind,
        Source = "Monitor",
        ResponsibleTeamId = Team,
    };
}
