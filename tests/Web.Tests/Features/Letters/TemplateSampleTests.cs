using System.Security.Claims;
using Governance.Domain.Accounts;
using Governance.Domain.Obligations;
using Governance.Web.Features.Letters;
using Governance.Web.Hosting;
using Governance.Web.Tests.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>The template editor previews each kind on the municipality's own data: Vaals sees Vaals, a motion tab a motion.</summary>
public class TemplateSampleTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private async Task<Workflows.Letters.LetterModel> SampleAsync(string municipality, ObligationKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await app.Database().Municipalities.IgnoreQueryFilters().Where(m => m.Name == municipality).Select(m => m.Id.Value).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(GovernanceClaims.Municipality, id.ToString()), new Claim(ClaimTypes.Role, Roles.Griffie), new Claim(ClaimTypes.NameIdentifier, "griffie")], "test")));
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetTemplateSampleQuery(kind));
    }

    [Fact]
    public async Task The_vaals_griffie_previews_on_vaals_with_its_own_aldermen_and_obligation()
    {
        var sample = await SampleAsync("Vaals", ObligationKind.Commitment);

        Assert.Equal("Vaals", sample.Municipality);
        Assert.Equal("toezegging", sample.Obligation.Kind);
        Assert.Equal("Evaluatie mantelzorgondersteuning Vaals", sample.Obligation.Title);
        Assert.Equal(["Paul Kohnen"], sample.Aldermen.Select(a => a.Name));
        Assert.Equal(("M. Kohl", "043 306 85 10"), (sample.HandledBy, sample.Phone));
        Assert.StartsWith(sample.Obligation.Title, sample.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_motion_tab_previews_a_motion_and_the_commitment_tab_a_commitment()
    {
        var motion = await SampleAsync("Maastricht", ObligationKind.Motion);
        var commitment = await SampleAsync("Maastricht", ObligationKind.Commitment);

        Assert.Equal(("motie", "aangenomen"), (motion.Obligation.Kind, motion.Obligation.Verb));
        Assert.Equal(("toezegging", "gedaan"), (commitment.Obligation.Kind, commitment.Obligation.Verb));
        Assert.Equal("Maastricht", motion.Municipality);
    }
}
