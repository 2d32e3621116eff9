using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The rich editor's toolbar as a person uses it.</summary>
public static class EditorToolbar
{
    /// <summary>
    /// Clicks a toolbar button until what it opens (a panel, the media picker) shows: the editor enables its buttons only once
    /// it has seen the selection, asynchronously and later on a busy machine, so an early click does nothing and a person
    /// clicks again.
    /// </summary>
    public static async Task OpenUntilShownAsync(ILocator button, ILocator opened)
    {
        ArgumentNullException.ThrowIfNull(button);
        ArgumentNullException.ThrowIfNull(opened);
        for (var attempt = 0; attempt < 5 && !await opened.IsVisibleAsync(); attempt++)
        {
            await button.ClickAsync();
            try
            {
                await opened.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3000 });
            }
            catch (TimeoutException)
            {
                // not open yet: click again
            }
        }

        await Assertions.Expect(opened).ToBeVisibleAsync();
    }
}
