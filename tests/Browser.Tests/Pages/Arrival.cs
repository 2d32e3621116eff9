using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// Waits until the browser shows a page at an address and that document has loaded. Not <c>WaitForURLAsync</c>: in
/// Playwright .NET it checks the current state, then subscribes to the event, and can miss a <c>load</c> that arrives in
/// between (microsoft/playwright-dotnet#3364; seen here as a 15 s timeout logging only "NetworkIdle event fired").
/// Both waits below are polled in the browser, so there is no event to miss.
/// </summary>
public static class Arrival
{
    /// <summary>Waits for exactly <paramref name="path"/> (any query or fragment; a trailing slash is ignored).</summary>
    public static Task AtAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return AtPatternAsync(page, Regex.Escape(path.TrimEnd('/')));
    }

    /// <summary>Waits for a path matching <paramref name="pathPattern"/> whose one group is a record's id, and returns that id.</summary>
    public static async Task<int> AtIdAsync(IPage page, string pathPattern)
    {
        await AtPatternAsync(page, pathPattern);
        var match = Regex.Match(new Uri(page.Url).AbsolutePath, $"^{pathPattern}/?$");
        return match.Success
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{page.Url} does not match {pathPattern}");
    }

    /// <summary>Waits for a path matching <paramref name="pathPattern"/> (a regular expression for the whole path).</summary>
    public static async Task AtPatternAsync(IPage page, string pathPattern)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"^https?://[^/]+(?:{pathPattern})/?(?:[?#].*)?$"));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }
}
