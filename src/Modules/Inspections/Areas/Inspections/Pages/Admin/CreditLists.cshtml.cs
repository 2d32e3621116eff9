using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Areas.Inspections.Pages.Admin;

/// <summary>The officers' credit lists: the queue of exits to verify, current entries, manual entry and exit by decision.</summary>
[Permission(InspectionsPermissions.ManageCreditLists)]
public sealed class CreditListsModel(CreditListService creditLists, IOrganizationRegister register, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    private const int PageSize = 30;

    public IReadOnlyList<CreditListEntry> AwaitingExit { get; private set; } = [];

    public IReadOnlyList<CreditListEntry> Current { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public DateOnly Today { get; private set; }

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    [BindProperty]
    public ExitInput Exit { get; set; } = new();

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        await LoadAsync(p, cancellationToken);
        Entry.EnteredOn = Today;
        Exit.ExitedOn = Today;
    }

    public async Task<IActionResult> OnPostEnterAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var code = Entry.Code?.Trim() ?? "";
            var organizationId = await register.FindByCodesAsync([code], cancellationToken) is [var found, ..] ? found.Id : (int?)null;
            var result = organizationId is { } id
                ? await creditLists.EnterAsync(new EntryDecision(id, Entry.Cause, Entry.CauseDetail, Entry.Decision, Entry.EnteredOn ?? ChinaTime.Today(clock)), cancellationToken)
                : OperationResult.Fail("Code", "Insp.Error.UnknownOrganization");
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Insp.Credit.EnteredFlash"].Value;
                return Redirect("/Inspections/Admin/CreditLists");
            }

            ModelState.AddResult(result, localizer, "Entry.");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostExitAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            if (await creditLists.FindAsync(Exit.EntryId, cancellationToken) is not { } entry)
            {
                return NotFound();
            }

            var result = await creditLists.ExitAsync(entry, Exit.Cause, Exit.Decision, Exit.ExitedOn ?? ChinaTime.Today(clock), Exit.Version, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Insp.Credit.ExitedFlash", entry.OrganizationName].Value;
                return Redirect("/Inspections/Admin/CreditLists");
            }

            ModelState.AddResult(result, localizer, "Exit.");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int p, CancellationToken cancellationToken)
    {
        Today = ChinaTime.Today(clock);
        AwaitingExit = await creditLists.AwaitingExitAsync(cancellationToken);
        var (_, total) = await creditLists.PageAsync(null, false, null, 1, 1, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        (Current, _) = await creditLists.PageAsync(null, false, null, page, PageSize, cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => $"?p={n}");
    }

    public sealed class EntryInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Credit.Code")]
        public string? Code { get; set; }

        public EntryCause Cause { get; set; } = EntryCause.Unreachable;

        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Credit.CauseDetail")]
        public string? CauseDetail { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Field.Decision")]
        public string? Decision { get; set; }

        public DateOnly? EnteredOn { get; set; }
    }

    public sealed class ExitInput
    {
        public int EntryId { get; set; }

        public long Version { get; set; }

        public ExitCause Cause { get; set; } = ExitCause.Rectified;

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Insp.Field.Decision")]
        public string? Decision { get; set; }

        public DateOnly? ExitedOn { get; set; }
    }
}
