using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Obligations.Events;
using Governance.Domain.Organisation;
using Governance.Domain.Tests.Builders;

namespace Governance.Domain.Tests.Obligations;

public class ObligationTests
{
    [Fact]
    public void A_registered_motion_starts_as_registered_with_its_history_and_event()
    {
        var motion = Build.Motion();
        Assert.Equal(ObligationStatus.Registered, motion.Status);
        Assert.Equal(ObligationKind.Motion, motion.Kind);
        Assert.Single(motion.History, h => h.What == "registered" && h.Actor == "Griffie");
        Assert.Contains(motion.DomainEvents, e => e is ObligationRegistered r && r.ObligationId == motion.Id);
    }

    [Fact]
    public void An_obligation_needs_a_responsible_alderman() =>
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details() with { ResponsibleAldermen = [] }));

    [Fact]
    public void An_alderman_is_listed_once()
    {
        var alderman = AldermanId.New();
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details() with { ResponsibleAldermen = [alderman, alderman] }));
    }

    [Fact]
    public void An_obligation_requires_at_least_one_indicator() =>
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details() with { RequiredIndicators = [] }));

    [Fact]
    public void An_indicator_is_required_once()
    {
        var details = Build.Details();
        var twice = details.RequiredIndicators.Concat(details.RequiredIndicators).ToList();
        Assert.Throws<DomainRuleException>(() => Build.Motion(details with { RequiredIndicators = twice }));
    }

    [Fact]
    public void A_one_off_obligation_needs_a_due_date_and_no_end_date()
    {
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details(Cadence.Once)));
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details(Cadence.Once, due: new DateOnly(2026, 1, 1), end: new DateOnly(2026, 1, 1))));
        Assert.Equal(new DateOnly(2026, 1, 1), Build.Motion(Build.Details(Cadence.Once, due: new DateOnly(2026, 1, 1))).DueDate);
    }

    [Fact]
    public void A_recurring_obligation_has_an_end_date_not_a_due_date()
    {
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details(Cadence.HalfYearly, due: new DateOnly(2026, 1, 1))));
        Assert.Equal(new DateOnly(2030, 12, 31), Build.Motion(Build.Details(Cadence.HalfYearly, end: new DateOnly(2030, 12, 31))).EndDate);
    }

    [Fact]
    public void An_end_date_cannot_lie_before_the_date_adopted() =>
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details(Cadence.Yearly, end: new DateOnly(2020, 1, 1))));

    [Fact]
    public void A_motion_is_submitted_by_a_party_and_a_commitment_by_none()
    {
        Assert.Throws<DomainRuleException>(() => Build.Motion(Build.Details(parties: [])));
        Assert.Throws<DomainRuleException>(() => Build.Commitment(Build.Details(parties: ["PvdA"])));
        Assert.Equal(ObligationKind.Commitment, Build.Commitment().Kind);
    }

    [Fact]
    public void Required_indicators_are_numbered_in_order()
    {
        var details = Build.Details(indicators: [Domain.Indicators.IndicatorId.New(), Domain.Indicators.IndicatorId.New()]);
        var motion = Build.Motion(details);
        Assert.Equal([1, 2], motion.RequiredIndicators.Select(r => r.Position));
    }

    [Fact]
    public void Revising_records_the_change_in_the_history()
    {
        var motion = Build.Motion();
        var same = Build.Details() with { ResponsibleAldermen = motion.ResponsibleAldermen, RequiredIndicators = motion.RequiredIndicators };
        motion.Revise(same with { Title = "Nieuwe titel", Text = "Andere tekst.", EndDate = new DateOnly(2030, 12, 31) }, Build.Now.AddDays(1), "Griffie");
        Assert.Equal("Nieuwe titel", motion.Title);
        Assert.Equal(2, motion.History.Count);
        Assert.Contains(motion.DomainEvents, e => e is ObligationRevised);
        // The line says what changed: field, old → new; a long text only that it changed.
        Assert.Equal("Titel: Halveren aantal kinderen in armoede 2030 → Nieuwe titel; Tekst gewijzigd; Einddatum: geen → 2030-12-31", motion.History[^1].Reason);

        motion.Revise(same with { Title = "Nieuwe titel", Text = "Andere tekst.", EndDate = new DateOnly(2030, 12, 31) }, Build.Now.AddDays(2), "Griffie");
        Assert.Null(motion.History[^1].Reason);
    }

    [Fact]
    public void A_lapsed_obligation_is_closed_and_can_no_longer_be_revised()
    {
        var motion = Build.Motion();
        motion.EnterStatus(ObligationStatus.Lapsed, Build.Now, "Griffie", "Motie ingetrokken");
        Assert.True(motion.IsClosed);
        Assert.Throws<DomainRuleException>(() => motion.Revise(Build.Details(), Build.Now, "Griffie"));
        Assert.Throws<DomainRuleException>(() => motion.EnterStatus(ObligationStatus.InProgress, Build.Now, "Griffie", null));
    }

    [Fact]
    public void Lapsing_needs_a_reason() =>
        Assert.Throws<DomainRuleException>(() => Build.Motion().EnterStatus(ObligationStatus.Lapsed, Build.Now, "Griffie", " "));

    [Fact]
    public void A_status_change_is_kept_in_the_history_with_from_to_and_reason()
    {
        var motion = Build.Motion();
        motion.EnterStatus(ObligationStatus.InProgress, Build.Now, "Systeem", null);
        var entry = motion.History[^1];
        Assert.Equal(ObligationStatus.Registered, entry.From);
        Assert.Equal(ObligationStatus.InProgress, entry.To);
        Assert.Contains(motion.DomainEvents, e => e is ObligationStatusChanged { To: ObligationStatus.InProgress });
    }
}
