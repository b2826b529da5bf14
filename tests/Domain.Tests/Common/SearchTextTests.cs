using Governance.Domain.Common;

namespace Governance.Domain.Tests.Common;

public class SearchTextTests
{
    [Theory]
    [InlineData("CLIËNTEN", "clienten")]
    [InlineData("Één plek, Øresund, Łódź", "een plek, oresund, lodz")]
    [InlineData("Gewoon ASCII 50%", "gewoon ascii 50%")]
    [InlineData("", "")]
    public void Folding_drops_accents_and_case(string text, string folded) => Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Every_accented_letter_has_its_plain_letter() => Assert.Equal(SearchText.Accented.Length, SearchText.Plain.Length);

    [Fact]
    public void A_term_is_wrapped_for_like_with_its_wildcards_taken_literally() =>
        Assert.Equal("%50\\% van de\\_wmo%", SearchText.Pattern("  50% VAN DE_Wmo "));
}
