using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The officers' hub list at /Cultivation/Admin/Hubs with the form that recognises a batch (认定).</summary>
public sealed class HubsAdminPage(IPage page)
{
    public const string Path = "/Cultivation/Admin/Hubs";

    public ILocator Errors => page.GetByTestId("batch-errors");

    public ILocator Row(string organization) => page.GetByTestId("hub-row").Filter(new() { HasText = organization });

    public static async Task<HubsAdminPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page.Locator("#hubs")).ToBeVisibleAsync();
        return new HubsAdminPage(page);
    }

    /// <summary>Fills in the batch (its number as the form proposes it) and submits it.</summary>
    public async Task RecognizeAsync(string title, string decisionNumber, string lines)
    {
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#decision").FillAsync(decisionNumber);
        await page.Locator("#hubs").FillAsync(lines);
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
    }
}

/// <summary>One hub at /Cultivation/Admin/Hubs/{id}: coverage, members, the member form.</summary>
public sealed class HubAdminPage(IPage page)
{
    public ILocator Coverage => page.GetByTestId("hub-coverage");

    public ILocator Members => page.GetByTestId("member-row");

    public ILocator Errors => page.GetByTestId("member-errors");

    public async Task AddMemberAsync(string code)
    {
        await page.Locator("#code").FillAsync(code);
        await page.Locator("main form[action*=Add] button[type=submit]").ClickAsync();
    }
}

/// <summary>A hub account's desk at /Cultivation/Hub and its members' page.</summary>
public sealed class HubDeskPage(IPage page)
{
    public const string Path = "/Cultivation/Hub";

    public ILocator Hubs => page.GetByTestId("desk-hub");

    public ILocator Members => page.GetByTestId("hub-member");
}
