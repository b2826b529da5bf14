using Governance.Web.Features.Obligations;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;

namespace Governance.Web.Tests.Hosting;

/// <summary>Every message is looked through, nested lists and records too, and each refused field is named as in JSON.</summary>
public sealed class InputHygieneTests
{
    [Fact]
    public void A_control_character_deep_in_a_batch_of_values_is_named_by_its_place()
    {
        var command = new SubmitCycleValuesCommand
        {
            CycleId = Guid.NewGuid(),
            Values = [new CycleValueInput("WMO-1", Number: 12), new CycleValueInput("WMO-2", Text: "ok", Explanation: "regel\u0000twee")],
            RecordedBy = "Sanne Peeters",
            Principal = "user",
            ActingTeamId = null,
        };

        var problems = InputHygiene.ProblemsIn(command);

        Assert.Equal(("values[1].explanation", InputHygiene.ControlCharacterMessage), Assert.Single(problems));
    }

    [Theory]
    [InlineData("tab\tand\r\nnew lines", true)]
    [InlineData("Łódź – “quotes” 😀", true)]
    [InlineData("bell\u0007", false)]
    [InlineData("escape\u001b[2J", false)]
    [InlineData("delete\u007f", false)]
    public void Tabs_line_breaks_and_any_printable_character_pass_other_control_characters_do_not(string text, bool passes) =>
        Assert.Equal(passes, InputHygiene.ProblemsIn(new Note(text)).Count == 0);

    [Fact]
    public void Dates_before_1900_or_after_2100_are_refused_wherever_they_sit()
    {
        var command = new RegisterObligationCommand { AdoptedOn = new DateOnly(1, 1, 1), MeetingDate = new DateOnly(2026, 11, 11), EndDate = new DateOnly(9999, 12, 31) };

        var fields = InputHygiene.ProblemsIn(command).Select(p => p.Field).Order();

        Assert.Equal(["adoptedOn", "endDate"], fields);
    }

    [Fact]
    public void A_number_outside_a_choices_list_is_refused_by_its_field_and_a_listed_one_passes()
    {
        var query = new ListObligationsQuery(Kind: (Domain.Obligations.ObligationKind)(-1), Status: Domain.Obligations.ObligationStatus.InProgress, Sort: (ObligationSort)99);

        var problems = InputHygiene.ProblemsIn(query);

        Assert.Equal([("kind", InputHygiene.ChoiceMessage), ("sort", InputHygiene.ChoiceMessage)], problems.OrderBy(p => p.Field));
    }

    private sealed record Note(string Text);
}
