using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// Posts a form whose success redirects to a page with a flash message (Post/Redirect/Get), and waits for the outcome:
/// the flash, or the error summary of a refused form (rendered again at the same address), which fails with its messages
/// instead of a bare timeout.
/// </summary>
public static class FormOutcome
{
    public static async Task SubmitAsync(IPage page, ILocator button, string action)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(button);
        var chrome = new SiteChrome(page);
        // A flash still showing from the previous post would pass for this one's before the browser has left the page.
        await page.EvaluateAsync("() => document.querySelectorAll('#main > .flash').forEach(f => f.remove())");
        await button.ClickAsync();
        // The summary is always rendered, with a hidden empty item when there is nothing to say.
        var shownErrors = page.Locator("#main .validation-summary-errors li:visible");
        await Assertions.Expect(chrome.Flash.Or(shownErrors).First).ToBeVisibleAsync();
        if (await shownErrors.CountAsync() > 0)
        {
            var errors = await shownErrors.AllInnerTextsAsync();
            throw new InvalidOperationException($"{action} was refused: {string.Join(" | ", errors)}");
        }

        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await chrome.EnsureStyledAsync();
    }
}
