using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Letters;
using Governance.Domain.Organisation;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Domain.Tests.Builders;

namespace Governance.Domain.Tests.Letters;

public class CouncilLetterTests
{
    private static readonly DateTime Now = new(2025, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly AldermanId Hoenderkamp = AldermanId.New();
    private static readonly AldermanId Mackus = AldermanId.New();

    private static CouncilLetter Draft()
    {
        var count = Build.Indicator(IndicatorKind.Count, code: "WMO-AANVRAGEN");
        var cycle = ReportingCycle.Plan(Build.Motion(Build.Details(indicators: [count.Id])), ReportingPeriod.Quarter(2025, 4),
            new StepDeadlines(new DateOnly(2026, 1, 22), new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 10)), [count.Current]);
        return new CouncilLetter(cycle, Content("De waarde was **2.834**."), "Governance", Now);
    }

    private static LetterContent Content(string body) => new("Doorlooptijden Wmo, 2025", "I. Bongers", "043 350 0000", body, "{\"items\":[]}");

    private static CouncilLetter InApproval()
    {
        var letter = Draft();
        letter.EnterStatus(CouncilLetterStatus.InApproval);
        return letter;
    }

    [Fact]
    public void An_edit_is_a_new_version_and_an_unchanged_save_is_not()
    {
        var letter = Draft();

        letter.AddVersion(Content("De waarde was **2.834**."), "Bewerkt", "Staff", Now);
        letter.AddVersion(Content("De waarde was **2.835**."), "Bewerkt", "Staff", Now);

        Assert.Equal([1, 2], letter.Versions.Select(v => v.Number));
        Assert.Equal("De waarde was **2.835**.", letter.Current.Body);
        Assert.NotEqual(letter.Versions[0].Hash, letter.Versions[1].Hash);
    }

    [Fact]
    public void An_approval_of_an_earlier_version_is_stale_and_no_longer_counts()
    {
        var letter = InApproval();
        letter.RecordApproval(Hoenderkamp, "u1", Now);
        letter.RecordApproval(Mackus, "u2", Now);
        Assert.True(letter.AllApprovalsIn([Hoenderkamp, Mackus]));

        letter.EnterStatus(CouncilLetterStatus.Draft);
        letter.AddVersion(Content("Een andere tekst."), "Bewerkt", "Staff", Now.AddHours(1));

        Assert.False(letter.AllApprovalsIn([Hoenderkamp, Mackus]));
        Assert.Empty(letter.CurrentApprovals);
        Assert.Equal([1, 1], letter.StaleApprovals.Select(a => a.VersionNumber));
    }

    [Fact]
    public void Approvals_are_needed_from_every_responsible_alderman()
    {
        var letter = InApproval();
        letter.RecordApproval(Hoenderkamp, "u1", Now);

        Assert.True(letter.HasApprovalOf(Hoenderkamp));
        Assert.False(letter.AllApprovalsIn([Hoenderkamp, Mackus]));
        Assert.False(letter.AllApprovalsIn([]));
    }

    [Fact]
    public void A_letter_is_approved_only_while_in_approval()
    {
        Assert.Throws<DomainRuleException>(() => Draft().RecordApproval(Hoenderkamp, "u1", Now));
    }

    [Fact]
    public void A_finalised_letter_refuses_changes_and_its_seal_verifies()
    {
        var letter = InApproval();
        letter.RecordApproval(Hoenderkamp, "u1", Now);
        letter.EnterStatus(CouncilLetterStatus.Approved);
        letter.Finalise("2025.03355", Now);

        Assert.Equal(CouncilLetterStatus.Finalised, letter.Status);
        Assert.Equal(letter.Current.Hash, letter.ContentHash);
        Assert.True(letter.VerifiesSeal());
        Assert.Throws<DomainRuleException>(() => letter.AddVersion(Content("Gewijzigd."), "Bewerkt", "Staff", Now));
        Assert.Throws<DomainRuleException>(() => letter.EnterStatus(CouncilLetterStatus.Draft));
        Assert.Throws<DomainRuleException>(() => letter.RecordApproval(Mackus, "u2", Now));
    }

    [Fact]
    public void A_seal_does_not_verify_when_the_stored_text_was_altered()
    {
        var letter = InApproval();
        letter.RecordApproval(Hoenderkamp, "u1", Now);
        letter.EnterStatus(CouncilLetterStatus.Approved);
        letter.Finalise("2025.03355", Now);

        typeof(LetterVersion).GetProperty(nameof(LetterVersion.Body))!.SetValue(letter.Current, "De waarde was **0**.");

        Assert.False(letter.VerifiesSeal());
    }

    [Theory]
    [InlineData("{year}.{number:00000}", 2025, 3355, "2025.03355")]
    [InlineData("RIB-{year}-{number}", 2026, 7, "RIB-2026-7")]
    [InlineData("{number:000}/{year}", 2026, 12, "012/2026")]
    public void References_follow_the_configured_pattern(string pattern, int year, int number, string expected) =>
        Assert.Equal(expected, LetterReference.Format(pattern, year, number));

    [Theory]
    [InlineData("{year}")]
    [InlineData("{number}-{number}")]
    [InlineData("")]
    public void A_pattern_needs_exactly_one_number(string pattern) =>
        Assert.False(LetterReference.IsValidPattern(pattern));

    [Fact]
    public void A_reference_counter_counts_without_gaps()
    {
        var counter = new LetterReferenceCounter(Build.Maastricht, 2025);

        Assert.Equal([1, 2, 3], new[] { counter.Next(), counter.Next(), counter.Next() });
    }
}
