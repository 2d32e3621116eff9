using System.Globalization;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The officers' list of annual inspection campaigns at /Inspections/Admin, with the form that opens one.</summary>
public sealed class InspectionCampaignsPage(IPage page)
{
    public const string Path = "/Inspections/Admin";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator OpenForm => page.GetByTestId("open-campaign");

    public ILocator Year => OpenForm.Locator("input[name='Input.Year']");

    public ILocator Mode => OpenForm.Locator("select[name='Input.Mode']");

    public ILocator Deadline => OpenForm.Locator("input[name='Input.Deadline']");

    /// <summary>The checkbox of an organization type taking part (SocialGroup, PrivateNonEnterprise, Foundation).</summary>
    public ILocator Type(string type) => OpenForm.Locator($"input[name='Input.Types'][value='{type}']");

    public ILocator Submit => page.GetByTestId("open-campaign-submit");

    public static async Task<InspectionCampaignsPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return await AttachAsync(page);
    }

    /// <summary>Waits until the browser shows the list (e.g. after signing in with it as the return URL).</summary>
    public static async Task<InspectionCampaignsPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var campaigns = new InspectionCampaignsPage(page);
        await Assertions.Expect(campaigns.Submit).ToBeVisibleAsync();
        await campaigns.Chrome.EnsureStyledAsync();
        return campaigns;
    }

    /// <summary>Opens a year's campaign for the types checked in the form and waits for the campaign's page.</summary>
    public async Task<InspectionCampaignPage> OpenCampaignAsync(int year, DateOnly deadline)
    {
        await Year.FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await Deadline.FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await FormOutcome.SubmitAsync(page, Submit, $"Opening the {year} campaign");
        return await InspectionCampaignPage.AttachAsync(page, year);
    }
}
