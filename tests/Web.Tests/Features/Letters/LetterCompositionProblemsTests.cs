using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Letters;
using Governance.Domain.Obligations;
using Governance.Web.Tests.Features.ReportingCycles;
using Governance.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>A template that cannot make a letter (saved before today's checks) leaves the cycle where it is and tells the drafter why; never a 500.</summary>
public sealed class LetterCompositionProblemsTests(OpenedCyclesApp app) : IClassFixture<OpenedCyclesApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("{% assign x = 1 %}", "levert geen tekst op")]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "telt meer dan 10.000 getallen")]
    public async Task Composing_with_a_template_that_cannot_make_a_letter_is_a_422_naming_why_and_changes_nothing(string template, string reason)
    {
        using var staff = await app.SignedInClientAsync(Emails.For(Roles.Medewerker));
        // Each case completes one of the two open quarters of "Vinger aan de pols".
        var cycleId = await LetterCycles.CompleteAsync(app, staff, "M-2014-083");
        await using (var db = app.Database())
        {
            var municipality = (await db.Obligations.FirstAsync(o => o.Reference == "M-2014-083")).MunicipalityId;
            await db.LetterTemplates.Where(t => t.Kind == ObligationKind.Motion).ExecuteDeleteAsync();
            db.LetterTemplates.Add(new LetterTemplate(municipality, ObligationKind.Motion, template, "Oud sjabloon", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        using var response = await staff.PostAsync($"/api/cycles/{cycleId}/letter", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Equal("letter_template_failed", problem.GetProperty("code").GetString());
        Assert.Equal("Complete", (await staff.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}", Json)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/cycles/{cycleId}/letter")).StatusCode);
    }
}
