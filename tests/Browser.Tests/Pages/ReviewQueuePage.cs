using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The officers' queue of open applications at /Organizations/Admin/Applications.</summary>
public sealed class ReviewQueuePage(IPage page)
{
    public const string Path = "/Organizations/Admin/Applications";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Queue => page.GetByTestId("queue");

    /// <summary>The queue's row of an application, found by its receipt number.</summary>
    public ILocator Row(string receipt) => Queue.Locator("tbody tr").Filter(new LocatorFilterOptions { Has = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = receipt, Exact = true }) });

    public static async Task<ReviewQueuePage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return await AttachAsync(page);
    }

    /// <summary>Waits until the browser shows the queue (e.g. after signing in with it as the return URL).</summary>
    public static async Task<ReviewQueuePage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var queue = new ReviewQueuePage(page);
        await Assertions.Expect(queue.Queue).ToBeVisibleAsync();
        await queue.Chrome.EnsureStyledAsync();
        return queue;
    }

    /// <summary>Opens an application from its row.</summary>
    public async Task<ReviewPage> OpenAsync(string receipt, int id)
    {
        await Row(receipt).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = receipt, Exact = true }).ClickAsync();
        return await ReviewPage.AttachAsync(page, id);
    }
}
