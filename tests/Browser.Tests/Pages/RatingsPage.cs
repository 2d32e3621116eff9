using System.Globalization;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// The public ratings page at /Ratings: the distribution of current grades and each campaign's results line; for an
/// applicant also the open campaigns to apply in and their own applications.
/// </summary>
public sealed class RatingsPage(IPage page)
{
    public const string Path = "/Ratings";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Distribution => page.GetByTestId("grade-distribution");

    /// <summary>How many organizations hold a grade (1–5) now.</summary>
    public ILocator GradeCount(int grade) => page.GetByTestId($"grade-count-{grade}");

    /// <summary>A campaign's results line, e.g. 评出4A社会组织1家.</summary>
    public ILocator CampaignLine(int campaignId) => page.GetByTestId($"campaign-line-{campaignId}");

    public static async Task<RatingsPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return await AttachAsync(page);
    }

    public static async Task<RatingsPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var ratings = new RatingsPage(page);
        await Assertions.Expect(ratings.Distribution).ToBeVisibleAsync();
        await ratings.Chrome.EnsureStyledAsync();
        return ratings;
    }

    /// <summary>Starts the organization's application in the campaign and waits for its form.</summary>
    public async Task<RatingApplicationPage> ApplyAsync(int campaignId, string organizationName)
    {
        await page.GetByTestId("apply").Locator("tr").Filter(new LocatorFilterOptions { HasText = organizationName })
            .Locator($"[data-testid^='start-{campaignId.ToString(CultureInfo.InvariantCulture)}-']").ClickAsync();
        return await RatingApplicationPage.AttachAsync(page);
    }

    /// <summary>Opens a campaign's public results (/Ratings/Campaign/{id}).</summary>
    public async Task OpenCampaignAsync(int campaignId)
    {
        await page.GetByTestId($"campaign-{campaignId.ToString(CultureInfo.InvariantCulture)}").Locator("a").First.ClickAsync();
        await Arrival.AtAsync(page, $"/Ratings/Campaign/{campaignId.ToString(CultureInfo.InvariantCulture)}");
    }
}
