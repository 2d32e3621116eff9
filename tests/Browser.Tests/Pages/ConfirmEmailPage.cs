using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>/Account/ConfirmEmail, opened from the link of the confirmation mail.</summary>
public sealed class ConfirmEmailPage(IPage page)
{
    public SiteChrome Chrome { get; } = new(page);

    public ILocator Confirmed => page.GetByTestId("email-confirmed");

    public ILocator SignInLink => page.Locator("#main a[href='/Account/Login']");

    /// <summary>Opens the mail's link (its path and query, on the app under test) and checks the address was confirmed.</summary>
    public static async Task<ConfirmEmailPage> OpenAsync(IPage page, Uri link)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(link);
        link.AbsolutePath.ShouldBe("/Account/ConfirmEmail");
        await page.GotoAsync(link.PathAndQuery);
        var confirm = new ConfirmEmailPage(page);
        await Assertions.Expect(confirm.Confirmed).ToBeVisibleAsync();
        await confirm.Chrome.EnsureStyledAsync();
        return confirm;
    }
}
