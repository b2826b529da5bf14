using Governance.Web.EndToEnd.Pages;
using Governance.Web.EndToEnd.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Journeys;

/// <summary>Signing in through the municipality's identity provider, a real OpenID Connect provider in its own process.</summary>
[Collection(SingleSignOnCollection.Name)]
public class SingleSignOnJourneys(SingleSignOnFixture sso)
{
    [Fact]
    public async Task A_known_person_signs_in_through_the_provider_and_signing_out_ends_both_sessions()
    {
        var page = await sso.NewPageAsync();
        await SignInAtProviderAsync(page, "anouk");

        await new Shell(page).WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Anouk Janssen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld.");

        // Signed out at the provider too: the next single sign-on asks who you are again.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Aanmelden met {SingleSignOnFixture.ProviderName}" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Roles_follow_the_groups_the_provider_gives()
    {
        var page = await sso.NewPageAsync();
        await SignInAtProviderAsync(page, "sanne");

        await new Shell(page).WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Medewerker, Raadslid");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_person_the_provider_knows_and_Governance_does_not_is_refused()
    {
        var page = await sso.NewPageAsync();
        await SignInAtProviderAsync(page, "iemand-anders");

        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("geen account met dat e-mailadres");
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_address_the_provider_has_not_verified_is_not_matched_to_an_account()
    {
        var page = await sso.NewPageAsync();
        await SignInAtProviderAsync(page, "niet-geverifieerd");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("geen account met dat e-mailadres");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deactivated_person_is_refused_although_the_provider_says_yes()
    {
        await using (var scope = sso.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Domain.Persistence.GovernanceDbContext>();
            await db.Users.Where(u => u.Email == "teamleider@maastricht.demo").ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAtUtc, DateTime.UtcNow));
        }

        var page = await sso.NewPageAsync();
        await SignInAtProviderAsync(page, "maurice");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit account is niet actief");
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_passwords_switched_off_only_single_sign_on_lets_people_in()
    {
        var admin = await sso.NewPageAsync();
        await new LoginPage(admin).SignInAsync("beheerder@maastricht.demo");
        var off = await admin.APIRequest.PutAsync("/api/admin/sign-in-options/password", new() { DataObject = new { allowed = false } });
        Assert.Equal(200, off.Status);
        try
        {
            var page = await sso.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.GetByLabel("E-mailadres").FillAsync("griffie@maastricht.demo");
            await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Hosting.Seeding.DemoUsers.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Kies 'Aanmelden met {SingleSignOnFixture.ProviderName}'");

            await SignInAtProviderAsync(page, "anouk");
            await new Shell(page).WaitForCircuitAsync();
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Anouk Janssen");
            await page.Context.CloseAsync();
        }
        finally
        {
            await admin.APIRequest.PutAsync("/api/admin/sign-in-options/password", new() { DataObject = new { allowed = true } });
            await admin.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_sign_in_page_with_single_sign_on_has_no_violations()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Aanmelden met {SingleSignOnFixture.ProviderName}" })).ToBeVisibleAsync();
        await page.AssertWcag21AAAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Chooses single sign-on on the sign-in page and signs in at the provider's own form.</summary>
    private async Task SignInAtProviderAsync(IPage page, string login)
    {
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Aanmelden met {SingleSignOnFixture.ProviderName}" }).ClickAsync();
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("wat de provider ook vraagt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        var app = sso.BaseAddress.ToString();
        await page.WaitForURLAsync(url => url.StartsWith(app, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal) && !url.Contains("/account/sso", StringComparison.Ordinal));
    }
}
