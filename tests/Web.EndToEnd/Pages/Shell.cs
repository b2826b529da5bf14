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

    /// <summary>The bell in the top bar, while it counts unread notifications.</summary>
    public ILocator UnreadBell => page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Meldingen: \\d+ ongelezen$") });

    /// <summary>Follows the bell to the notifications and returns the one unread notification that holds each of <paramref name="texts"/>.</summary>
    public async Task<ILocator> UnreadNotificationAsync(params string[] texts)
    {
        await Assertions.Expect(UnreadBell).ToBeVisibleAsync();
        await UnreadBell.ClickAsync();
        await Assertions.Expect(Heading).ToHaveTextAsync("Meldingen");
        var notice = texts.Aggregate(page.Locator(".notifications li.unread"), (found, text) => found.Filter(new() { HasText = text }));
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        // Found while unread, then held by its id: following its link marks it read.
        return page.Locator($".notifications li[data-notification='{await notice.GetAttributeAsync("data-notification")}']");
    }

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Support.AppFixture.Screenshots, name + ".png"), FullPage = true });
}
