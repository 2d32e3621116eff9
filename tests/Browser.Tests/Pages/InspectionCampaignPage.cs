using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>One year's campaign at /Inspections/Admin/Campaign/{year}: figures, the reports with filters, deadline, notice.</summary>
public sealed class InspectionCampaignPage(IPage page, int year)
{
    public static string PathFor(int year) => $"/Inspections/Admin/Campaign/{year.ToString(CultureInfo.InvariantCulture)}";

    public int Year { get; } = year;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Heading => page.Locator("#main h1");

    public ILocator Figures => page.GetByTestId("figures");

    public ILocator Reports => page.GetByTestId("campaign-reports");

    public ILocator OrganizationFilter => page.Locator("form.filters input[name='q']");

    public ILocator FilterButton => page.Locator("form.filters button[type='submit']");

    /// <summary>The row of an organization's report, by the organization's exact name.</summary>
    public ILocator Row(string organization) =>
        Reports.Locator("tbody tr").Filter(new LocatorFilterOptions
        {
            Has = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = organization, Exact = true }),
        });

    public static async Task<InspectionCampaignPage> OpenAsync(IPage page, int year)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(year));
        return await AttachAsync(page, year);
    }

    public static async Task<InspectionCampaignPage> AttachAsync(IPage page, int year)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(year));
        var campaign = new InspectionCampaignPage(page, year);
        await Assertions.Expect(campaign.Figures).ToBeVisibleAsync();
        await campaign.Chrome.EnsureStyledAsync();
        return campaign;
    }

    /// <summary>Filters the reports by organization name (GET) and waits for the filtered list.</summary>
    public async Task FilterAsync(string organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await OrganizationFilter.FillAsync(organization);
        await FilterButton.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"[?&]q={Regex.Escape(Uri.EscapeDataString(organization))}(?:&|#|$)"));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Chrome.EnsureStyledAsync();
    }

    /// <summary>Opens an organization's report from its row.</summary>
    public async Task<AnnualReportReviewPage> OpenReportAsync(string organization)
    {
        await Row(organization).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = organization, Exact = true }).ClickAsync();
        await Arrival.AtPatternAsync(page, AnnualReportReviewPage.PathPattern);
        return await AnnualReportReviewPage.AttachAsync(page, AnnualReportReviewPage.IdOf(page));
    }
}
