using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Pages;

/// <summary>The layout around every page: main navigation and the interactive circuit.</summary>
public sealed class Shell(IPage page)
{
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Pages are prerendered; clicks count only once the Blazor circuit is up.</summary>
    public Task WaitForCircuitAsync() => page.Locator("[data-circuit=on]").WaitForAsync();

    public async Task<IReadOnlyList<string>> NavigationItemsAsync() =>
        [.. (await Navigation.GetByRole(AriaRole.Link).AllInnerTextsAsync()).Select(t => t.Trim())];

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Support.AppFixture.Screenshots, name + ".png"), FullPage = true });
}
