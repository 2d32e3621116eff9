using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The sign-in form at /Account/Login.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/Account/Login";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Email => page.Locator("input[name='Input.Email']");

    public ILocator Password => page.Locator("input[name='Input.Password']");

    public ILocator Submit => page.GetByTestId("login-submit");

    public ILocator Errors => page.GetByTestId("login-errors");

    /// <summary>Opens the form; with <paramref name="returnUrl"/> the app goes there after a successful sign-in.</summary>
    public static async Task<LoginPage> OpenAsync(IPage page, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(returnUrl is null ? Path : $"{Path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        return await AttachAsync(page);
    }

    /// <summary>For a journey that was sent here (e.g. by the auth challenge): checks the form is showing.</summary>
    public static async Task<LoginPage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var login = new LoginPage(page);
        await Assertions.Expect(login.Submit).ToBeVisibleAsync();
        await login.Chrome.EnsureStyledAsync();
        return login;
    }

    /// <summary>Fills in and submits the form; the caller checks where the app went.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Signs in from a form opened with return URL /Admin and waits for the back office.</summary>
    public async Task<BackOfficePage> SignInToBackOfficeAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        return await BackOfficePage.AttachAsync(page);
    }
}
