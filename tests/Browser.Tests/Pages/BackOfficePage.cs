using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The back office (后台) dashboard at /Admin and the admin layout's navigation.</summary>
public sealed class BackOfficePage(IPage page)
{
    public const string Path = "/Admin";

    /// <summary>Links of the admin navigation, by address (the text depends on the language).</summary>
    public const string DashboardLink = "/Admin";
    public const string UsersLink = "/Admin/Users";
    public const string CalendarLink = "/Admin/Calendar";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Heading => page.GetByTestId("back-office-heading");

    public ILocator Navigation => page.Locator("nav.admin-nav");

    public ILocator NavigationLink(string href) => Navigation.Locator($"a[href='{href}']");

    /// <summary>The visible titles of the navigation entries, in order.</summary>
    public Task<IReadOnlyList<string>> NavigationTitlesAsync() => Navigation.Locator("a").AllInnerTextsAsync();

    public static async Task<BackOfficePage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return await AttachAsync(page);
    }

    /// <summary>Waits until the browser shows the dashboard (e.g. after signing in).</summary>
    public static async Task<BackOfficePage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var backOffice = new BackOfficePage(page);
        await Assertions.Expect(backOffice.Heading).ToBeVisibleAsync();
        await backOffice.Chrome.EnsureStyledAsync();
        return backOffice;
    }
}
