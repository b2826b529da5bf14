using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Pages;

/// <summary>
/// MudBlazor selects and autocompletes: their options open in a popover over the page. Opening and closing
/// take a round trip to the server, slow on a busy runner, and a list still open covers the fields below it
/// and takes their clicks; so each pick waits until its list is closed again.
/// </summary>
public static class Pickers
{
    /// <summary>
    /// Opens <paramref name="select"/> and picks <paramref name="option"/>. A single choice closes the list itself;
    /// a multiple one stays open until Escape. Options are matched by their exact name unless <paramref name="exact"/>
    /// is off (the aldermen's options carry their portfolio after the name, so they are matched by the start).
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option, bool exact = true)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = exact }).First.ClickAsync();
        await CloseAsync(page, select);
    }

    /// <summary>
    /// Types <paramref name="text"/> into an autocomplete and picks the suggestion of that name, as people do:
    /// typing alone leaves the suggestions to open once the search has run, over the fields filled next.
    /// </summary>
    public static async Task SuggestAsync(IPage page, ILocator autocomplete, string text)
    {
        await autocomplete.FillAsync(text);
        await page.GetByRole(AriaRole.Option, new() { Name = text, Exact = true }).First.ClickAsync();
        await CloseAsync(page, autocomplete);
    }

    private static async Task CloseAsync(IPage page, ILocator field)
    {
        var options = page.GetByRole(AriaRole.Option);
        for (var attempt = 1; ; attempt++)
        {
            if (await options.CountAsync() == 0)
            {
                return;
            }

            // Escape on the field itself: its key handler closes the list, wherever the click left the focus.
            await field.PressAsync("Escape");
            try
            {
                await Assertions.Expect(options).ToHaveCountAsync(0, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }
}
