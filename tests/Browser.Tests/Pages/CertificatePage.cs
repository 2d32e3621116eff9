using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The printable registration certificate at /Organizations/Certificate/{orgId}, with the credit code and a QR code.</summary>
public sealed class CertificatePage(IPage page)
{
    public const string PathPrefix = "/Organizations/Certificate/";

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Certificate => page.GetByTestId("certificate");

    public ILocator Title => Certificate.Locator("h1");

    /// <summary>The 统一社会信用代码 (or filing number): the one code element of the certificate's particulars.</summary>
    public ILocator PublicCode => Certificate.Locator("dd code");

    public ILocator QrCode => Certificate.Locator(".certificate-qr svg");

    public ILocator Void => page.GetByTestId("certificate-void");

    public ILocator PrintButton => page.Locator(".certificate-actions button");

    /// <summary>The way back to the organization's public page.</summary>
    public ILocator PublicPageLink => page.Locator(".certificate-actions a[href^='/Organizations/Org/']");

    /// <summary>The organization's id, from the address.</summary>
    public int OrganizationId => int.Parse(new Uri(page.Url).AbsolutePath[PathPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<CertificatePage> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtPatternAsync(page, Regex.Escape(PathPrefix) + @"\d+");
        var certificate = new CertificatePage(page);
        await Assertions.Expect(certificate.Certificate).ToBeVisibleAsync();
        await certificate.Chrome.EnsureStyledAsync();
        return certificate;
    }

    /// <summary>Follows the link to the organization's public page.</summary>
    public async Task<OrganizationPage> OpenPublicPageAsync()
    {
        var id = OrganizationId;
        await PublicPageLink.ClickAsync();
        return await OrganizationPage.AttachAsync(page, id);
    }
}
