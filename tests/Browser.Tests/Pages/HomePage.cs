using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The public home page.</summary>
public sealed class HomePage(IPage page)
{
    public const string Path = "/";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Heading => page.Locator("main h1");

    public static async Task<HomePage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        var home = new HomePage(page);
        await Assertions.Expect(home.Heading).ToBeVisibleAsync();
        await home.Chrome.EnsureStyledAsync();
        return home;
    }
}
