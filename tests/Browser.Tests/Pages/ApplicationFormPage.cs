using System.Text;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// The applicant's form at /Organizations/Applications/Edit/{id}: one multipart form with the particulars of the kind
/// and a file input per checklist document.
/// </summary>
public sealed class ApplicationFormPage(IPage page, int id)
{
    /// <summary>The smallest file the upload check accepts as a PDF: the magic bytes decide, not the name.</summary>
    internal static readonly byte[] MinimalPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static string PathFor(int id) => $"/Organizations/Applications/Edit/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    public ILocator Errors => page.GetByTestId("form-errors");

    public ILocator ProposedName(int preference) => page.Locator($"input[name='Input.ProposedName{preference}']");

    /// <summary>The approved name (its name approval application) an establishment builds on.</summary>
    public ILocator NameApplication => page.Locator("select[name='Input.NameApplicationId']");

    public ILocator Type => page.Locator("select[name='Input.Type']");

    public ILocator Name => page.Locator("input[name='Input.Name']");

    public ILocator LegalRepresentative => page.Locator("input[name='Input.LegalRepresentative']");

    public ILocator Street => page.Locator("input[name='Input.Street']");

    public ILocator Community => page.Locator("input[name='Input.Community']");

    public ILocator Address => page.Locator("input[name='Input.Address']");

    public ILocator BusinessScope => page.Locator("textarea[name='Input.BusinessScope']");

    public ILocator ActivityFunds => page.Locator("input[name='Input.ActivityFunds']");

    public ILocator IndividualMembers => page.Locator("input[name='Input.IndividualMembers']");

    public ILocator UnitMembers => page.Locator("input[name='Input.UnitMembers']");

    public ILocator ContactName => page.Locator("input[name='Input.ContactName']");

    public ILocator ContactPhone => page.Locator("input[name='Input.ContactPhone']");

    public ILocator ContactEmail => page.Locator("input[name='Input.ContactEmail']");

    public ILocator ServiceField(string field) => page.Locator($"input[name='Input.ServiceFields'][value='{field}']");

    /// <summary>The file input of a checklist item, e.g. NameApplicationLetter, Charter.</summary>
    public ILocator File(string documentCode) => page.GetByTestId($"file-{documentCode}");

    public ILocator SaveDraft => page.GetByTestId("save-draft");

    public ILocator Submit => page.GetByTestId("submit-application");

    public static async Task<ApplicationFormPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page, id);
    }

    public static async Task<ApplicationFormPage> AttachAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(id));
        var form = new ApplicationFormPage(page, id);
        await Assertions.Expect(form.Submit).ToBeVisibleAsync();
        await form.Chrome.EnsureStyledAsync();
        return form;
    }

    /// <summary>Chooses a small PDF for a checklist item; it is uploaded with the next save or submit.</summary>
    public Task AttachPdfAsync(string documentCode) =>
        File(documentCode).SetInputFilesAsync(new FilePayload
        {
            Name = $"{documentCode}.pdf",
            MimeType = "application/pdf",
            Buffer = MinimalPdf,
        });

    /// <summary>
    /// Submits and waits for the application page. A refused submission comes back as the form (same address) with
    /// an error summary: that fails here, with the summary in the message.
    /// </summary>
    public async Task<ApplicationPage> SubmitAsync()
    {
        await Submit.ClickAsync();
        var shownErrors = page.Locator("[data-testid='form-errors'] li:visible");
        await Assertions.Expect(page.GetByTestId("receipt").Or(shownErrors).First).ToBeVisibleAsync();
        if (await shownErrors.CountAsync() > 0)
        {
            var errors = await shownErrors.AllInnerTextsAsync();
            throw new InvalidOperationException($"Submitting application {Id} was refused: {string.Join(" | ", errors)}");
        }

        return await ApplicationPage.AttachAsync(page, Id);
    }
}
