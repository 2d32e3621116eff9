using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>Self-service sign-up at /Account/Register; a new account is an applicant once its email is confirmed.</summary>
public sealed class RegisterPage(IPage page)
{
    public const string Path = "/Account/Register";

    /// <summary>Where the form sends the visitor after creating the account: "check your mail".</summary>
    public const string ConfirmationPath = "/Account/RegisterConfirmation";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator DisplayName => page.Locator("input[name='Input.DisplayName']");

    public ILocator Email => page.Locator("input[name='Input.Email']");

    public ILocator Password => page.Locator("input[name='Input.Password']");

    public ILocator ConfirmPassword => page.Locator("input[name='Input.ConfirmPassword']");

    public ILocator Submit => page.Locator("#main form.stacked button[type='submit']");

    public ILocator Errors => page.Locator("#main .validation-summary-errors");

    public static async Task<RegisterPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        var register = new RegisterPage(page);
        await Assertions.Expect(register.Submit).ToBeVisibleAsync();
        await register.Chrome.EnsureStyledAsync();
        return register;
    }

    public async Task FillAsync(string displayName, string email, string password)
    {
        await DisplayName.FillAsync(displayName);
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await ConfirmPassword.FillAsync(password);
    }

    /// <summary>Submits the filled form and waits for the "check your mail" page.</summary>
    public async Task SubmitAsync()
    {
        await Submit.ClickAsync();
        await Arrival.AtAsync(page, ConfirmationPath);
        await Assertions.Expect(page.Locator("#main h1")).ToBeVisibleAsync();
        await Chrome.EnsureStyledAsync();
    }
}
