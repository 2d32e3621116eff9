using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>A rating campaign as the officer works it at /Ratings/Admin/Campaign/{id}: applications, 公示 and announcement.</summary>
public sealed class RatingCampaignAdminPage(IPage page, int id)
{
    public const string PathPattern = @"/Ratings/Admin/Campaign/(\d+)";

    public static string PathFor(int id) => $"/Ratings/Admin/Campaign/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Heading => page.Locator("#main h1");

    public ILocator Thresholds => page.GetByTestId("thresholds");

    /// <summary>The results line, e.g. 评出4A社会组织1家.</summary>
    public ILocator FiguresLine => page.GetByTestId("figures-line");

    public ILocator Publish => page.GetByTestId("publish");

    public ILocator Announce => page.GetByTestId("announce");

    public ILocator Row(string organizationName) =>
        page.GetByTestId("application-row").Filter(new LocatorFilterOptions { HasText = organizationName });

    public static async Task<RatingCampaignAdminPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page);
    }

    /// <summary>Waits for a campaign's page (e.g. after opening it) and reads its id from the address.</summary>
    public static async Task<RatingCampaignAdminPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var id = await Arrival.AtIdAsync(page, PathPattern);
        var campaign = new RatingCampaignAdminPage(page, id);
        await Assertions.Expect(campaign.Publish).ToBeVisibleAsync();
        await campaign.Chrome.EnsureStyledAsync();
        return campaign;
    }

    public async Task<RatingApplicationAdminPage> OpenApplicationAsync(string organizationName)
    {
        await Row(organizationName).Locator("a[href^='/Ratings/Admin/Application/']").ClickAsync();
        return await RatingApplicationAdminPage.AttachAsync(page);
    }

    /// <summary>Publishes the decided grades for 公示 and waits for the flash.</summary>
    public async Task PublishAsync()
    {
        await FormOutcome.SubmitAsync(page, Publish, $"Publishing campaign {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
    }

    /// <summary>Announces the grades whose 公示 is over and waits for the flash.</summary>
    public async Task AnnounceAsync()
    {
        await FormOutcome.SubmitAsync(page, Announce, $"Announcing campaign {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
    }
}
