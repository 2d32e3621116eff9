using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>The request for disclosure at /Disclosure/Request (政府信息公开申请表) and, after filing, its receipt.</summary>
public sealed class DisclosureRequestPage(IPage page)
{
    public const string Path = "/Disclosure/Request";

    public ILocator Receipt => page.GetByTestId("request-receipt");

    public ILocator Secret => page.GetByTestId("request-secret");

    public static async Task<DisclosureRequestPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return new DisclosureRequestPage(page);
    }

    /// <summary>Fills in a natural person's request with contact details and submits it.</summary>
    public async Task FileAsync(string name, string email, string description)
    {
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#idtype").FillAsync("居民身份证");
        await page.Locator("#idnumber").FillAsync("330203198001011234");
        await page.Locator("#phone").FillAsync("13805740001");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#description").FillAsync(description);
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
    }
}

/// <summary>An officer's page of one request (/Disclosure/Admin/Requests/{id}) with the answer form.</summary>
public sealed class DisclosureAdminRequestPage(IPage page)
{
    public ILocator State => page.GetByTestId("state");

    /// <summary>Opens the request from the officers' list by its receipt number.</summary>
    public static async Task<DisclosureAdminRequestPage> OpenFromListAsync(IPage page, string receipt)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Disclosure/Admin/Requests");
        await page.Locator($"[data-receipt='{receipt}'] a").First.ClickAsync();
        return new DisclosureAdminRequestPage(page);
    }

    public async Task AnswerAsync(string type, string reference)
    {
        var form = page.GetByTestId("answer-form");
        await form.Locator("#answer-type").SelectOptionAsync(type);
        await form.Locator("#answer-reference").FillAsync(reference);
        await form.Locator("button[type=submit]").ClickAsync();
    }
}

/// <summary>Following a request without an account at /Disclosure/Follow: receipt number and secret, the reply, its PDF.</summary>
public sealed class DisclosureFollowPage(IPage page)
{
    public const string Path = "/Disclosure/Follow";

    public ILocator State => page.GetByTestId("state");

    public ILocator Reply => page.GetByTestId("follow-reply");

    public ILocator Pdf => page.GetByTestId("follow-pdf");

    public static async Task<DisclosureFollowPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Path);
        return new DisclosureFollowPage(page);
    }

    public async Task LookUpAsync(string receipt, string secret)
    {
        var form = page.GetByTestId("follow-form");
        await form.Locator("#receipt").FillAsync(receipt);
        await form.Locator("#secret").FillAsync(secret);
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-result")).ToBeVisibleAsync();
    }

    public async Task<(string FileName, byte[] Content)> DownloadPdfAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => Pdf.ClickAsync());
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(await download.PathAsync()));
    }
}
