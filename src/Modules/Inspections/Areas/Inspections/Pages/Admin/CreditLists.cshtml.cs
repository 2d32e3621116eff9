using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Areas.Inspections.Pages.Admin;

/// <summary>
/// The officers' credit lists: the queue of exits to verify, the entries (current ones, or filtered by list and by
/// movement: entered or left in a period, listed on a day, exactly as the reports count them), manual entry and exit by decision.
/// </summary>
[Permission(InspectionsPermissions.ManageCreditLists)]
public sealed class CreditListsModel(CreditListService creditLists, IOrganizationRegister register, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    private const int PageSize = 30;

    public IReadOnlyList<CreditListEntry> AwaitingExit { get; private set; } = [];

    /// <summary>Exit due dates of the verified entries awaiting exit, derived through the calendar now (第十三条).</summary>
    public IReadOnlyDictionary<int, DueDate> ExitDues { get; private set; } = new Dictionary<int, DueDate>();

    public IReadOnlyList<CreditListEntry> Current { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public CreditListFilter Filter { get; private set; } = new();

    /// <summary>The filter as typed, shown back in the form (also when it is not understood).</summary>
    public IReadOnlyDictionary<string, string?> Typed { get; private set; } = new Dictionary<string, string?>();

    /// <summary>False when a filter value was not understood: the page says so and lists nothing.</summary>
    public bool FilterValid { get; private set; } = true;

    public DateOnly Today { get; private set; }

    /// <summary>The internal sign-off before an officer's listing or exit decision (承办 → 审核 → 批准, as configured).</summary>
    public SignOffChain Chain { get; private set; } = SignOffChain.OfLength(1);

    /// <summary>The steps signed towards the exit of each listed entry on this page.</summary>
    public ILookup<int, SignOffEntry> ExitSignOffs { get; private set; } = Array.Empty<SignOffEntry>().ToLookup(e => 0);

    /// <summary>The steps signed towards the listing of each entry on this page that an officer decided.</summary>
    public ILookup<int, SignOffEntry> ListingSignOffs { get; private set; } = Array.Empty<SignOffEntry>().ToLookup(e => 0);

    /// <summary>Listing decisions under way: steps signed, no entry made yet.</summary>
    public IReadOnlyList<ListingProposal> Proposals { get; private set; } = [];

    /// <summary>The opinion of a sign-off step (拟办意见, 审核意见).</summary>
    [BindProperty]
    [StringLength(SignOffRules.MaxOpinionLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Insp.SignOff.Opinion")]
    public string? Opinion { get; set; }

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    [BindProperty]
    public ExitInput Exit { get; set; } = new();

    public async Task OnGetAsync(string? list, string? movement, string? from, string? to, string? on, int p = 1, CancellationToken cancellationToken = default)
    {
        Typed = new Dictionary<string, string?> { ["list"] = list, ["movement"] = movement, ["from"] = from, ["to"] = to, ["on"] = on };
        (Filter, var errors) = CreditListFilter.Parse(list, movement, from, to, on);
        if (errors.Count > 0)
        {
            // A filter that is not understood lists nothing rather than everything under a misleading total.
            ModelState.AddResult(new OperationResult(errors), localizer, "Filter.");
            FilterValid = false;
        }

        await LoadAsync(p, cancellationToken);
        Entry.EnteredOn = Today;
        Exit.ExitedOn = Today;
    }

    public async Task<IActionResult> OnPostEnterAsync(CancellationToken cancellationToken)
    {
        OnlyValidate("Entry.");
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
                return RedirectToPage("/Admin/CreditLists", new { area = "Inspections" });
            }

            ModelState.AddResult(result, localizer, "Entry.");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostExitAsync(CancellationToken cancellationToken)
    {
        OnlyValidate("Exit.");
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
                return RedirectToPage("/Admin/CreditLists", new { area = "Inspections" });
            }

            ModelState.AddResult(result, localizer, "Exit.");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    /// <summary>承办 of a listing, from the listing form: the officer proposes it with the 拟办意见.</summary>
    public async Task<IActionResult> OnPostProposeEntryAsync(CancellationToken cancellationToken)
    {
        OnlyValidate("Entry.", nameof(Opinion));
        ModelState.Remove("Entry.Decision");
        if (ModelState.IsValid)
        {
            var code = Entry.Code?.Trim() ?? "";
            var result = await register.FindByCodesAsync([code], cancellationToken) is [var found, ..]
                ? await creditLists.SignListingAsync(found.Id, Entry.Cause, SignOffStep.Handle, Opinion, cancellationToken)
                : OperationResult.Fail("Code", "Insp.Error.UnknownOrganization");
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Insp.SignOff.SignedFlash"].Value;
                return RedirectToPage("/Admin/CreditLists", new { area = "Inspections" });
            }

            ModelState.AddResult(result, localizer, "Entry.");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    /// <summary>A later step (审核) of a listing under way.</summary>
    public async Task<IActionResult> OnPostSignListingAsync(int organizationId, EntryCause cause, SignOffStep step, CancellationToken cancellationToken)
    {
        OnlyValidate(nameof(Opinion));
        if (ModelState.IsValid)
        {
            var result = await creditLists.SignListingAsync(organizationId, cause, step, Opinion, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Insp.SignOff.SignedFlash"].Value;
                return RedirectToPage("/Admin/CreditLists", new { area = "Inspections" });
            }

            ModelState.AddResult(result, localizer, "");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    /// <summary>A step (承办, 审核) before an entry's exit decision.</summary>
    public async Task<IActionResult> OnPostSignExitAsync(int entryId, long version, SignOffStep step, CancellationToken cancellationToken)
    {
        OnlyValidate(nameof(Opinion));
        if (await creditLists.FindAsync(entryId, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await creditLists.SignExitAsync(entry, step, Opinion, version, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Insp.SignOff.SignedFlash"].Value;
                return RedirectToPage("/Admin/CreditLists", new { area = "Inspections" });
            }

            ModelState.AddResult(result, localizer, "");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    /// <summary>Both forms bind on every post: only the posted form's fields are validated (an exit does not need the entry form's code).</summary>
    private void OnlyValidate(params string[] prefixes)
    {
        foreach (var key in ModelState.Keys.Where(k => !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task LoadAsync(int p, CancellationToken cancellationToken)
    {
        Today = ChinaTime.Today(clock);
        AwaitingExit = await creditLists.AwaitingExitAsync(cancellationToken);
        ExitDues = await creditLists.ExitDueDatesAsync(AwaitingExit, cancellationToken);
        Chain = await creditLists.SignOffChainAsync(cancellationToken);
        Proposals = await creditLists.ListingProposalsAsync(cancellationToken);
        if (!FilterValid)
        {
            return;
        }

        var (_, total) = await creditLists.PageAsync(Filter, 1, 1, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        (Current, _) = await creditLists.PageAsync(Filter, page, PageSize, cancellationToken);
        ExitSignOffs = await creditLists.ExitSignOffsAsync([.. Current.Select(e => e.Id)], cancellationToken);
        ListingSignOffs = await creditLists.ListingSignOffsAsync(Current, cancellationToken);
        var query = Filter.Query();
        Paging = new PageInfo(page, PageSize, total, n => query.Length == 0 ? $"?p={n}" : $"?{query}&p={n}");
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
