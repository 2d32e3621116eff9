using System.Globalization;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The officers' list of rating campaigns at /Ratings/Admin, with the form that opens one.</summary>
public sealed class RatingCampaignsAdminPage(IPage page)
{
    public const string Path = "/Ratings/Admin";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator OpenForm => page.GetByTestId("open-campaign");

    public ILocator Title => OpenForm.Locator("input[name='Input.Title']");

    public ILocator RuleSet => OpenForm.Locator("select[name='Input.RuleSet']");

    /// <summary>The 1A floor (0: none, as in the published scheme).</summary>
    public ILocator OneA => OpenForm.Locator("input[name='Input.OneA']");

    public ILocator PublicityDays => OpenForm.Locator("input[name='Input.PublicityDays']");

    public ILocator Submit => page.GetByTestId("open-campaign-submit");

    public static async Task<RatingCampaignsAdminPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var campaigns = new RatingCampaignsAdminPage(page);
        await Assertions.Expect(campaigns.Submit).ToBeVisibleAsync();
        await campaigns.Chrome.EnsureStyledAsync();
        return campaigns;
    }

    /// <summary>Opens a campaign (window from today for a month, as the form proposes) and waits for its page.</summary>
    public async Task<RatingCampaignAdminPage> OpenCampaignAsync(string title, string ruleSet, int publicityDays)
    {
        await Title.FillAsync(title);
        await RuleSet.SelectOptionAsync(ruleSet);
        await PublicityDays.FillAsync(publicityDays.ToString(CultureInfo.InvariantCulture));
        await FormOutcome.SubmitAsync(page, Submit, $"Opening the campaign {title}");
        return await RatingCampaignAdminPage.AttachAsync(page);
    }
}
