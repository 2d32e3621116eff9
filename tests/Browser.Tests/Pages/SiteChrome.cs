using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>What the Civic theme puts on every page, public and back office: skip link, language switch, main landmark.</summary>
public sealed class SiteChrome(IPage page)
{
    public ILocator Html => page.Locator("html");

    public ILocator SkipLink => page.Locator("a.skip-link");

    public ILocator LanguageSwitch => page.GetByTestId("language-switch");

    public ILocator Main => page.Locator("#main");

    /// <summary>The one-off message a page shows after a successful post redirected to it (e.g. 草稿已保存。).</summary>
    public ILocator Flash => page.Locator("#main > .flash[role='status']");

    /// <summary>
    /// Fails unless the Civic stylesheet was loaded with rules. An unstyled page still passes every text assertion, and its
    /// screenshot shows nothing of the theme (seen when the theme's static web assets were answered 200 with an empty body).
    /// </summary>
    public async Task EnsureStyledAsync()
    {
        var rules = await page.EvaluateAsync<int>(
            "() => [...document.styleSheets].filter(s => (s.href ?? '').includes('/_content/Registry.Themes.Civic/')).reduce((n, s) => n + s.cssRules.length, 0)");
        if (rules == 0)
        {
            throw new InvalidOperationException($"{page.Url} rendered without the Civic theme: its stylesheet is missing or empty.");
        }
    }

    /// <summary>The culture the page was rendered in, from <c>&lt;html lang&gt;</c>.</summary>
    public Task<string?> LanguageAsync() => Html.GetAttributeAsync("lang");

    /// <summary>Posts the language switch and waits until the page comes back in the other language; returns that culture.</summary>
    public async Task<string> SwitchLanguageAsync()
    {
        // The button is marked up in the language it offers (lang="en" on "English").
        var target = await LanguageSwitch.GetAttributeAsync("lang")
            ?? throw new InvalidOperationException("The language switch does not say which language it offers.");
        await LanguageSwitch.ClickAsync();
        await Assertions.Expect(Html).ToHaveAttributeAsync("lang", target);
        // Polled in the page, not WaitForLoadStateAsync, which can miss the event (see Arrival).
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await EnsureStyledAsync();
        return target;
    }
}
