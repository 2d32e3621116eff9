using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The public directory at /Directory: search box, facets with counts, results with the searched words marked.</summary>
public sealed class DirectoryPage(IPage page)
{
    public const string Path = "/Directory";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Query => page.GetByTestId("directory-q");

    public ILocator SearchButton => page.GetByTestId("directory-search");

    /// <summary>共找到 N 个社会组织.</summary>
    public ILocator Total => page.GetByTestId("directory-total");

    public ILocator Hits => page.GetByTestId("directory-hits").Locator("li");

    /// <summary>The result row of an organization, by its exact name (the name may carry &lt;mark&gt;s).</summary>
    public ILocator Hit(string name) =>
        Hits.Filter(new LocatorFilterOptions { Has = page.Locator("h3 a").Filter(new LocatorFilterOptions { HasTextRegex = ExactText(name) }) });

    /// <summary>The links of a facet: type, status, street, field.</summary>
    public ILocator FacetLinks(string facet) => page.GetByTestId($"facet-{facet}").Locator("a");

    /// <summary>A facet value's link by its label, e.g. 民办非企业单位.</summary>
    public ILocator FacetLink(string facet, string label) => FacetLinks(facet).Filter(LabelFilter(label));

    /// <summary>The count shown beside a facet value, e.g. (12).</summary>
    public async Task<int> FacetCountAsync(string facet, string label)
    {
        // A Has locator is resolved inside each candidate row, so it names only the link.
        var text = await page.GetByTestId($"facet-{facet}").Locator("li")
            .Filter(new LocatorFilterOptions { Has = page.Locator("a").Filter(LabelFilter(label)) }).Locator(".muted").InnerTextAsync();
        return int.Parse(text.Trim().Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<DirectoryPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return await AttachAsync(page);
    }

    public static async Task<DirectoryPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var directory = new DirectoryPage(page);
        await Assertions.Expect(directory.Total).ToBeVisibleAsync();
        await directory.Chrome.EnsureStyledAsync();
        return directory;
    }

    /// <summary>
    /// Types into the search box, submits, and waits for the results of that query. The form submits by GET, so the
    /// wait is for an address carrying the query: call this from a page that shows another query (or none).
    /// </summary>
    public async Task SearchAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        await Query.FillAsync(text);
        await SearchButton.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"[?&]q={Regex.Escape(Uri.EscapeDataString(text))}(?:&|#|$)"));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Assertions.Expect(Query).ToHaveValueAsync(text);
        await Chrome.EnsureStyledAsync();
    }

    /// <summary>Loads the same address again (the index may have caught up since).</summary>
    public async Task ReloadAsync()
    {
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Assertions.Expect(Total).ToBeVisibleAsync();
    }

    /// <summary>Follows a facet value's link and waits for the page that marks it as the current filter.</summary>
    public async Task ApplyFacetAsync(string facet, string label)
    {
        await FacetLink(facet, label).ClickAsync();
        await WaitForFacetAsync(facet, label);
    }

    /// <summary>Waits until the page shows a facet value as applied (aria-current on its link), e.g. after Enter on it.</summary>
    public async Task WaitForFacetAsync(string facet, string label)
    {
        await Assertions.Expect(FacetLink(facet, label)).ToHaveAttributeAsync("aria-current", "true");
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Chrome.EnsureStyledAsync();
    }

    private static LocatorFilterOptions LabelFilter(string label) => new() { HasTextRegex = ExactText(label) };

    private static Regex ExactText(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");
}
