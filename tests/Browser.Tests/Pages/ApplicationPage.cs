using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The applicant's view of one application at /Organizations/Applications/{id}: receipt, state, history.</summary>
public sealed class ApplicationPage(IPage page, int id)
{
    public static string PathFor(int id) => $"/Organizations/Applications/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    /// <summary>The receipt number (受理回执号), DJ-YYYY-NNNNNN once submitted.</summary>
    public ILocator Receipt => page.GetByTestId("receipt");

    public ILocator State => page.GetByTestId("state");

    /// <summary>Shown once an establishment or filing is approved: the way to the organization's certificate.</summary>
    public ILocator CertificateLink => page.GetByTestId("certificate-link");

    public ILocator History => page.GetByTestId("history");

    public static async Task<ApplicationPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page, id);
    }

    public static async Task<ApplicationPage> AttachAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(id));
        var application = new ApplicationPage(page, id);
        await Assertions.Expect(application.Receipt).ToBeVisibleAsync();
        await application.Chrome.EnsureStyledAsync();
        return application;
    }

    /// <summary>Follows the certificate link and waits for the printable certificate.</summary>
    public async Task<CertificatePage> OpenCertificateAsync()
    {
        await CertificateLink.ClickAsync();
        return await CertificatePage.AttachAsync(page);
    }
}
