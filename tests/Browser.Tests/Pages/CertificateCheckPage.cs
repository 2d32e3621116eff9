using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The certificate check at /Directory/Check: a credit code (or filing number) in, the organization and its status out.</summary>
public sealed class CertificateCheckPage(IPage page)
{
    public const string Path = "/Directory/Check";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Code => page.GetByTestId("check-code");

    public ILocator Submit => page.GetByTestId("check-submit");

    public ILocator Result => page.GetByTestId("check-result");

    public ILocator NotFound => page.GetByTestId("check-none");

    /// <summary>
    /// The messages of the form's error summary (a code that is not a valid credit code). The summary itself is always
    /// rendered, with a hidden empty item when there is nothing to say.
    /// </summary>
    public ILocator Errors => page.Locator("#main form .field-validation-error:visible");

    public static async Task<CertificateCheckPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        await Arrival.AtAsync(page, Path);
        var check = new CertificateCheckPage(page);
        await Assertions.Expect(check.Submit).ToBeVisibleAsync();
        await check.Chrome.EnsureStyledAsync();
        return check;
    }

    /// <summary>Enters a code, submits (GET), and waits for the answer to that code.</summary>
    public async Task CheckAsync(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        await Code.FillAsync(code);
        await Submit.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"[?&]code={Regex.Escape(Uri.EscapeDataString(code))}(?:&|#|$)"));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Assertions.Expect(Submit).ToBeVisibleAsync();
        await Chrome.EnsureStyledAsync();
    }
}
