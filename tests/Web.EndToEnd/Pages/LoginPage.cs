using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Pages;

/// <summary>The sign-in form, by its labels.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password = Hosting.Seeding.DemoUsers.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        // Signing in hashes the password: on a busy two-core runner with two apps under test that can take a while.
        // Signed in is the address moving on; the page that follows is waited for by what it shows, not by the browser's
        // load event, which twice in the first-run journey never came (90 s, with the page drawn and the network idle).
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000, WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }
}
