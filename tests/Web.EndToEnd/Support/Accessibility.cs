using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Governance.Web.EndToEnd.Support;

/// <summary>The accessibility scan every journey runs: WCAG 2.1 AA (the legal bar for Dutch government sites), zero violations.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag21AA = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    public static async Task AssertWcag21AAAsync(this IPage page)
    {
        // Messages fade in and out: scan once each is fully shown or gone, and nothing is mid-transition, so the colours are final.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-snackbar')].every(e => getComputedStyle(e).opacity === '1') && document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')");
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html} {n.Any.FirstOrDefault()?.Message}"))}")));
    }
}
