using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Workflows.Obligations;
using Trigger = Governance.Workflows.Obligations.ObligationWorkflow.Trigger;

namespace Governance.Workflows.Tests.Obligations;

public class ObligationWorkflowTests
{
    private static readonly DateTime Now = new(2025, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2025, 11, 25);

    /// <summary>Every (state, trigger) pair of a one-off obligation, given a reason: where it leads, or null when refused.</summary>
    public static TheoryData<ObligationStatus, Trigger, ObligationStatus?> Transitions()
    {
        var allowed = new Dictionary<(ObligationStatus, Trigger), ObligationStatus>
        {
            [(ObligationStatus.Registered, Trigger.StartReporting)] = ObligationStatus.InProgress,
            [(ObligationStatus.Registered, Trigger.Lapse)] = ObligationStatus.Lapsed,
            [(ObligationStatus.InProgress, Trigger.Report)] = ObligationStatus.Reported,
            [(ObligationStatus.InProgress, Trigger.Lapse)] = ObligationStatus.Lapsed,
            [(ObligationStatus.Reported, Trigger.ConfirmFulfilled)] = ObligationStatus.Fulfilled,
            [(ObligationStatus.Reported, Trigger.Reopen)] = ObligationStatus.InProgress,
            [(ObligationStatus.Reported, Trigger.Lapse)] = ObligationStatus.Lapsed,
        };
        var data = new TheoryData<ObligationStatus, Trigger, ObligationStatus?>();
        foreach (var status in Enum.GetValues<ObligationStatus>())
        {
            foreach (var trigger in Enum.GetValues<Trigger>())
            {
                data.Add(status, trigger, allowed.TryGetValue((status, trigger), out var to) ? to : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_transition_is_either_permitted_to_its_target_or_refused(ObligationStatus from, Trigger trigger, ObligationStatus? to)
    {
        var obligation = InStatus(from, Cadence.Once);
        var workflow = new ObligationWorkflow(obligation, Today, Now, "Griffie");
        var result = workflow.Fire(trigger, "Een reden");
        if (to is { } expected)
        {
            Assert.True(result.Succeeded, result.Error?.Message);
            Assert.Equal(expected, obligation.Status);
        }
        else
        {
            Assert.False(result.Succeeded);
            Assert.Equal(from, obligation.Status);
        }
    }

    [Theory]
    [InlineData(Trigger.Lapse, ObligationStatus.Registered)]
    [InlineData(Trigger.Reopen, ObligationStatus.Reported)]
    public void Lapsing_and_reopening_need_a_reason(Trigger trigger, ObligationStatus from)
    {
        var obligation = InStatus(from, Cadence.Once);
        var result = new ObligationWorkflow(obligation, Today, Now, "Griffie").Fire(trigger, "  ");
        Assert.False(result.Succeeded);
        Assert.Equal(from, obligation.Status);
    }

    [Fact]
    public void A_recurring_motion_stays_in_progress_until_its_end_date()
    {
        var obligation = InStatus(ObligationStatus.InProgress, Cadence.HalfYearly, end: new DateOnly(2030, 12, 31));
        Assert.False(new ObligationWorkflow(obligation, Today, Now, "Wethouder").Fire(Trigger.Report, "2025.03355").Succeeded);
        Assert.False(new ObligationWorkflow(obligation, new DateOnly(2030, 12, 31), Now, "Wethouder").Fire(Trigger.Report).Succeeded);
        Assert.True(new ObligationWorkflow(obligation, new DateOnly(2030, 12, 31), Now, "Wethouder").Fire(Trigger.Report, "2025.03355").Succeeded);
        Assert.Equal(ObligationStatus.Reported, obligation.Status);
        Assert.Equal("2025.03355", obligation.ReportedInLetter);
    }

    [Fact]
    public void An_open_ended_recurring_obligation_is_never_reported_only_lapsed()
    {
        var obligation = InStatus(ObligationStatus.InProgress, Cadence.Quarterly);
        var workflow = new ObligationWorkflow(obligation, new DateOnly(2099, 1, 1), Now, "Griffie");
        Assert.DoesNotContain(Trigger.Report, workflow.PermittedTriggers());
        Assert.Contains(Trigger.Lapse, workflow.PermittedTriggers());
    }

    [Fact]
    public void The_graph_shows_every_state()
    {
        var graph = ObligationWorkflow.DotGraph();
        Assert.All(Enum.GetNames<ObligationStatus>(), name => Assert.Contains(name, graph));
    }

    private static Motion InStatus(ObligationStatus status, Cadence cadence, DateOnly? end = null)
    {
        var motion = new Motion(MunicipalityId.New(), new ObligationDetails
        {
            Reference = "M-1",
            Title = "Motie",
            Text = "Tekst",
            AdoptedOn = new DateOnly(2021, 7, 13),
            Meeting = new Meeting("Gemeenteraad", new DateOnly(2021, 7, 13)),
            ResponsibleAldermen = [AldermanId.New()],
            PolicyArea = "Wmo",
            Cadence = cadence,
            DueDate = cadence == Cadence.Once ? new DateOnly(2025, 12, 1) : null,
            EndDate = end,
            RequiredIndicators = [new RequiredIndicator(IndicatorId.New(), 1, null)],
            SubmittingParties = ["PvdA"],
        }, Now, "Griffie");
        var path = status switch
        {
            ObligationStatus.Registered => [],
            ObligationStatus.InProgress => [ObligationStatus.InProgress],
            ObligationStatus.Reported => [ObligationStatus.InProgress, ObligationStatus.Reported],
            ObligationStatus.Fulfilled => [ObligationStatus.InProgress, ObligationStatus.Reported, ObligationStatus.Fulfilled],
            ObligationStatus.Lapsed => new[] { ObligationStatus.Lapsed },
        };
        foreach (var step in path)
        {
            motion.EnterStatus(step, Now, "Test", "reden");
        }

        return motion;
    }
}
