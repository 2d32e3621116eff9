using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>An organization's public page at /Organizations/Org/{id}: particulars, status, history, QR code.</summary>
public sealed class OrganizationPage(IPage page, int id)
{
    public static string PathFor(int id) => $"/Organizations/Org/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Article => page.GetByTestId("org-page");

    public ILocator Name => Article.Locator("h1");

    /// <summary>The status badge beside the type in the page head (正常 for an active organization).</summary>
    public ILocator StatusBadge => Article.Locator(".org-head .badge");

    public ILocator PublicCode => page.GetByTestId("public-code");

    public ILocator History => page.GetByTestId("org-history");

    public ILocator StatusNotice => page.GetByTestId("status-notice");

    /// <summary>The grade valid now with its validity (e.g. 4A 有效期 … 至 …), from the ratings section.</summary>
    public ILocator CurrentGrade => page.GetByTestId("current-grade");

    /// <summary>The annual inspection result of a year (e.g. 基本合格 · 已于 … 完成整改), from the inspections section.</summary>
    public ILocator Inspection(int year) => page.GetByTestId($"inspection-{year}");

    public static async Task<OrganizationPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page, id);
    }

    public static async Task<OrganizationPage> AttachAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(id));
        var organization = new OrganizationPage(page, id);
        await Assertions.Expect(organization.Article).ToBeVisibleAsync();
        await organization.Chrome.EnsureStyledAsync();
        return organization;
    }

    /// <summary>The value of a particular (definition list row) by its label, e.g. 状态.</summary>
    public ILocator Particular(string label) =>
        page.Locator("dl.org-facts dt").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") })
            .Locator("xpath=following-sibling::dd[1]");
}
