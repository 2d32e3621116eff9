using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>An officer's review of one report at /Inspections/Admin/Report/{id}: return it, record the result, verify the rectification.</summary>
public sealed partial class AnnualReportReviewPage(IPage page, int id)
{
    /// <summary>The address of any report's review, as a pattern for <see cref="Arrival.AtPatternAsync"/>.</summary>
    public const string PathPattern = @"/Inspections/Admin/Report/\d+";

    public static string PathFor(int id) => $"/Inspections/Admin/Report/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator State => page.GetByTestId("report-state");

    public ILocator Warnings => page.GetByTestId("warnings");

    public ILocator Finances => page.GetByTestId("finances");

    /// <summary>The link to the organization's public page.</summary>
    public ILocator PublicPageLink => page.Locator("#main a[href^='/Organizations/Org/']");

    /// <summary>A result's radio button: Qualified, BasicallyQualified, Unqualified.</summary>
    public ILocator ResultOption(string result) => page.GetByTestId($"result-{result}");

    public ILocator Reasons => page.Locator("textarea[name='Reasons']");

    public ILocator RectificationRequirements => page.Locator("textarea[name='RectificationRequirements']");

    public ILocator RectificationDueOn => page.Locator("input[name='RectificationDueOn']");

    public ILocator RecordResult => page.GetByTestId("record-result");

    public ILocator Result => page.GetByTestId("result");

    public ILocator RectificationState => page.GetByTestId("rectification-state");

    public ILocator VerifyForm => page.GetByTestId("verify-form");

    public ILocator VerifyNote => VerifyForm.Locator("textarea[name='Note']");

    public ILocator Verify => page.GetByTestId("verify-rectification");

    public static async Task<AnnualReportReviewPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page, id);
    }

    public static async Task<AnnualReportReviewPage> AttachAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(id));
        var review = new AnnualReportReviewPage(page, id);
        await Assertions.Expect(review.State).ToBeVisibleAsync();
        await review.Chrome.EnsureStyledAsync();
        return review;
    }

    /// <summary>The report's id, from the address the browser shows.</summary>
    public static int IdOf(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var match = ReviewPath().Match(new Uri(page.Url).AbsolutePath);
        return match.Success
            ? int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{page.Url} is not a report's review.");
    }

    /// <summary>The organization's id, from the link to its public page.</summary>
    public async Task<int> OrganizationIdAsync()
    {
        var href = await PublicPageLink.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"Report {Id} has no link to the organization's public page.");
        return int.Parse(href["/Organizations/Org/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Records a result that requires rectification and waits for the page to come back with the flash.</summary>
    public async Task RecordResultAsync(string result, string reasons, string requirements, DateOnly dueOn)
    {
        await ResultOption(result).CheckAsync();
        await Reasons.FillAsync(reasons);
        await RectificationRequirements.FillAsync(requirements);
        await RectificationDueOn.FillAsync(dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await FormOutcome.SubmitAsync(page, RecordResult, $"Recording {result} on report {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
    }

    /// <summary>Accepts the submitted rectification and waits for the page to come back with the flash.</summary>
    public async Task VerifyRectificationAsync(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        await VerifyNote.FillAsync(note);
        await FormOutcome.SubmitAsync(page, Verify, $"Verifying the rectification of report {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
    }

    [GeneratedRegex($"^/Inspections/Admin/Report/(?<id>\\d+)$")]
    private static partial Regex ReviewPath();
}
