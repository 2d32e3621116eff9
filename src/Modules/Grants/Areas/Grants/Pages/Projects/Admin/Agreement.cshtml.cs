using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Core.Localization;
using Registry.Grants.Services;
using Registry.Core.Finance;

namespace Registry.Grants.Areas.Grants.Pages.Projects.Admin;

/// <summary>
/// One agreement for the officer: the revision asked, submitted (with its diff), accepted or returned; signing with the
/// signed file; tranches with their conditions, payments and the payment form; refunds and repayments; closure.
/// </summary>
[Permission(GrantsPermissions.Manage)]
public sealed class AgreementModel(DbContext db, GrantAgreementService agreements, GrantMoneyService money, ProgressService progress, MessageService messages, TimeProvider clock, IMoneyLimits moneyLimits, IStringLocalizer localizer) : PageModel
{
    public AgreementRecord Record { get; private set; } = null!;

    /// <summary>The project's thread with the organization.</summary>
    public IReadOnlyList<Registry.Grants.Domain.ApplicationMessage> Messages { get; private set; } = [];

    [BindProperty]
    public string? MessageBody { get; set; }

    [BindProperty]
    public IFormFile? MessageFile { get; set; }

    /// <summary>The agreement's progress reports, linked to their evaluation pages.</summary>
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRequestRevisionAsync(int id, string? request, long version, CancellationToken cancellationToken) =>
        ActAsync(id, f => agreements.RequestRevisionAsync(f.Agreement, request, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(int id, long version, CancellationToken cancellationToken) =>
        ActAsync(id, f => agreements.AcceptRevisionAsync(f.Agreement, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, string? note, long version, CancellationToken cancellationToken) =>
        ActAsync(id, f => agreements.ReturnRevisionAsync(f.Agreement, note, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSignAsync(int id, string? signedOn, IFormFile? signedFile, long version, CancellationToken cancellationToken)
    {
        var day = string.IsNullOrWhiteSpace(signedOn) ? null : FormInput.Date(signedOn, "SignedOn", ModelState, localizer);
        return ActAsync(id, async f =>
        {
            await using var content = signedFile?.OpenReadStream();
            return await agreements.SignAsync(f.Agreement, day, content, signedFile?.FileName, version, cancellationToken);
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostReplaceFileAsync(int id, IFormFile? signedFile, long version, CancellationToken cancellationToken) =>
        ActAsync(id, async f =>
        {
            await using var content = signedFile?.OpenReadStream();
            return await agreements.ReplaceSignedFileAsync(f.Agreement, content, signedFile?.FileName, version, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostPayAsync(int id, int trancheId, string? amount, string? on, string? reference, long version, CancellationToken cancellationToken)
    {
        var fen = FormInput.Fen(moneyLimits, MoneyField.GrantPayment, amount, "Amount", ModelState, localizer);
        var day = FormInput.Date(on, "On", ModelState, localizer);
        return ActAsync(id, f => money.RecordPaymentAsync(f, trancheId, fen!.Value, day!.Value, reference, version, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRefundAsync(int id, string? amount, string? reason, long version, CancellationToken cancellationToken)
    {
        var fen = FormInput.Fen(moneyLimits, MoneyField.GrantPayment, amount, "Amount", ModelState, localizer);
        return ActAsync(id, f => money.RecordRefundAsync(f.Agreement, fen!.Value, reason, version, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRepayAsync(int id, int refundId, string? amount, string? on, string? reference, long version, CancellationToken cancellationToken)
    {
        var fen = FormInput.Fen(moneyLimits, MoneyField.GrantPayment, amount, "Amount", ModelState, localizer);
        var day = FormInput.Date(on, "On", ModelState, localizer);
        return ActAsync(id, f => money.RecordRepaymentAsync(f.Agreement, refundId, fen!.Value, day!.Value, reference, version, cancellationToken), cancellationToken);
    }

    /// <summary>Writes to the organization about the project (with an optional file).</summary>
    public Task<IActionResult> OnPostMessageAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async f =>
        {
            await using var stream = MessageFile is { Length: > 0 } file ? file.OpenReadStream() : null;
            return await messages.PostAsync(f.Agreement, fromApplicant: false, MessageBody, stream, MessageFile?.FileName, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, long version, CancellationToken cancellationToken) =>
        ActAsync(id, f => agreements.CloseAsync(f.Agreement, version, cancellationToken), cancellationToken);

    /// <summary>Runs the step when the form's values parsed; on success back to the page, else the page with the errors.</summary>
    private Task<IActionResult> ActAsync(int id, Func<AgreementRecord, Task<OperationResult>> action, CancellationToken cancellationToken) =>
        this.StepAsync(() => agreements.FileAsync(id, cancellationToken), action, localizer,
            new StepOutcome("Grant.Admin.SavedFlash", () => RedirectToPage("/Projects/Admin/Agreement", new { area = "Grants", id })),
            () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // A fresh read after a refused step: what the page shows is what is stored.
        db.ChangeTracker.Clear();
        if (await agreements.FileAsync(id, cancellationToken) is not { } file)
        {
            return false;
        }

        Record = file;
        Reports = await progress.RowsAsync(r => r.AgreementId == id, cancellationToken);
        Messages = await messages.ThreadAsync(file.Agreement, cancellationToken);
        Today = ChinaTime.Today(clock);
        return true;
    }
}
