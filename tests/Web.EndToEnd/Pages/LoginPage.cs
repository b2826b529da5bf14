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
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
