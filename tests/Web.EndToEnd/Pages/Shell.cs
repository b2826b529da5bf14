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
        // The list as the live page shows it: the circuit reads it again after the prerendered one (briefly loading).
        await WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0);
        var notice = texts.Aggregate(page.Locator(".notifications li.unread"), (found, text) => found.Filter(new() { HasText = text }));
        // The circuit may start reading only after the prerendered list was seen settled; on a busy runner that read takes seconds.
        await Assertions.Expect(notice).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        // Found while unread, then held by its id (read in one step with the count): following its link marks it read.
        var id = await notice.EvaluateAsync<string>("li => li.getAttribute('data-notification')");
        return page.Locator($".notifications li[data-notification='{id}']");
    }

    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Support.AppFixture.Screenshots, name + ".png"), FullPage = true });
}
