using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The applicant's desk at /Organizations/My: their organizations, their applications, buttons to start one.</summary>
public sealed partial class ApplicantDeskPage(IPage page)
{
    public const string Path = "/Organizations/My";

    private const string EditPathPattern = @"/Organizations/Applications/Edit/(?<id>\d+)";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Heading => page.Locator("#main h1");

    public ILocator Applications => page.GetByTestId("my-applications");

    /// <summary>The button that starts a draft of an application kind (NameApproval, Establishment, CommunityFiling).</summary>
    public ILocator StartButton(string kind) => page.GetByTestId($"start-{kind}");

    public static async Task<ApplicantDeskPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return await AttachAsync(page);
    }

    /// <summary>Waits until the browser shows the desk (e.g. after signing in with it as the return URL).</summary>
    public static async Task<ApplicantDeskPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, Path);
        var desk = new ApplicantDeskPage(page);
        await Assertions.Expect(desk.StartButton("NameApproval")).ToBeVisibleAsync();
        await desk.Chrome.EnsureStyledAsync();
        return desk;
    }

    /// <summary>Starts a draft and waits for its form at /Organizations/Applications/Edit/{id}.</summary>
    public async Task<ApplicationFormPage> StartAsync(string kind)
    {
        await StartButton(kind).ClickAsync();
        await Arrival.AtPatternAsync(page, EditPathPattern);
        var id = int.Parse(EditPath().Match(new Uri(page.Url).AbsolutePath).Groups["id"].Value, CultureInfo.InvariantCulture);
        return await ApplicationFormPage.AttachAsync(page, id);
    }

    [GeneratedRegex($"^{EditPathPattern}$")]
    private static partial Regex EditPath();
}
