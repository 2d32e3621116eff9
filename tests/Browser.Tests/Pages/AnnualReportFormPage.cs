using Microsoft.Playwright;

namespace Registry.Browser.Tests.Pages;

/// <summary>
/// The organization's annual report form at /Inspections/Report/Edit/{id}: one multipart form with the work, people,
/// finances (yuan, parsed into fen) and a file input per document; "save draft" keeps it, "submit" sends it for review.
/// </summary>
public sealed class AnnualReportFormPage(IPage page, int id)
{
    public static string PathFor(int id) => $"/Inspections/Report/Edit/{id}";

    public int Id { get; } = id;

    public SiteChrome Chrome { get; } = new(page);

    /// <summary>The state badge beside the title (未填写, 草稿, 退回修改).</summary>
    public ILocator State => page.Locator("#main h1 .badge");

    public ILocator Errors => page.GetByTestId("form-errors");

    public ILocator Warnings => page.GetByTestId("warnings");

    public ILocator WorkSummary => page.Locator("textarea[name='Input.WorkSummary']");

    public ILocator NextYearPlan => page.Locator("textarea[name='Input.NextYearPlan']");

    public ILocator MajorChanges => page.Locator("textarea[name='Input.MajorChanges']");

    public ILocator IndividualMembers => page.Locator("input[name='Input.IndividualMembers']");

    public ILocator UnitMembers => page.Locator("input[name='Input.UnitMembers']");

    public ILocator FullTimeStaff => page.Locator("input[name='Input.FullTimeStaff']");

    public ILocator Volunteers => page.Locator("input[name='Input.Volunteers']");

    public ILocator PartyOrganization => page.Locator("select[name='Input.PartyOrganization']");

    public ILocator PartyMembers => page.Locator("input[name='Input.PartyMembers']");

    /// <summary>An amount in yuan by its field, e.g. IncomeGovernmentFen, NetAssetsEndFen, AdjustmentFen.</summary>
    public ILocator Amount(string field) => page.GetByTestId($"amount-{field}");

    public ILocator AdjustmentExplanation => page.Locator("input[name='Input.AdjustmentExplanation']");

    /// <summary>The file input of a document: FinancialStatements, AuditReport, Other.</summary>
    public ILocator File(string item) => page.GetByTestId($"file-{item}");

    /// <summary>The link to the file already attached for a document (its row in the documents table).</summary>
    public ILocator CurrentFile(string item) =>
        page.Locator("#main tbody tr").Filter(new LocatorFilterOptions { Has = File(item) }).Locator("a[href^='/files/']");

    public ILocator SaveDraft => page.GetByTestId("save-draft");

    public ILocator Submit => page.GetByTestId("submit-report");

    public static async Task<AnnualReportFormPage> OpenAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(PathFor(id));
        return await AttachAsync(page, id);
    }

    public static async Task<AnnualReportFormPage> AttachAsync(IPage page, int id)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Arrival.AtAsync(page, PathFor(id));
        var form = new AnnualReportFormPage(page, id);
        await Assertions.Expect(form.Submit).ToBeVisibleAsync();
        await form.Chrome.EnsureStyledAsync();
        return form;
    }

    /// <summary>Chooses a small PDF for a document; it is uploaded with the next save or submit.</summary>
    public Task AttachPdfAsync(string item) =>
        File(item).SetInputFilesAsync(new FilePayload
        {
            Name = $"{item}.pdf",
            MimeType = "application/pdf",
            Buffer = ApplicationFormPage.MinimalPdf,
        });

    /// <summary>Saves the draft and waits for the form to come back with the "draft saved" flash.</summary>
    public async Task SaveDraftAsync()
    {
        await FormOutcome.SubmitAsync(page, SaveDraft, $"Saving report {Id}");
        await Arrival.AtAsync(page, PathFor(Id));
        await Assertions.Expect(Submit).ToBeVisibleAsync();
    }

    /// <summary>Submits and waits for the report's page. A refused submission fails here, with the error summary.</summary>
    public async Task<AnnualReportPage> SubmitAsync()
    {
        // Pre-filled sections (last year's report, the register) are confirmed as the applicant checked them.
        foreach (var confirm in await page.Locator("[data-testid^='confirm-prefill-']").AllAsync())
        {
            await confirm.CheckAsync();
        }

        await FormOutcome.SubmitAsync(page, Submit, $"Submitting report {Id}");
        return await AnnualReportPage.AttachAsync(page, Id);
    }
}
