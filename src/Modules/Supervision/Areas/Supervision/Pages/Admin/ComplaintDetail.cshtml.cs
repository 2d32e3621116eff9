using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Calendar;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Admin;

/// <summary>One complaint: triage (受理 with an assignee, or 不予受理 with the reply), the reply, and opening a case from it.</summary>
[Permission(SupervisionPermissions.HandleComplaints)]
public sealed class ComplaintDetailModel(ComplaintService complaints, CaseService cases, IStringLocalizer localizer) : PageModel
{
    public Complaint Item { get; private set; } = null!;

    public DueDate TriageDue { get; private set; }

    public bool MayOpenCase { get; private set; }

    /// <summary>The organization's spot checks the complaint may be linked to (accepted, not linked yet).</summary>
    public IReadOnlyList<SpotCheck> LinkableChecks { get; private set; } = [];

    /// <summary>The spot check the complaint led to, when linked.</summary>
    public SpotCheck? LinkedCheck { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, ComplaintTrigger trigger, string? assignee, string? text, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(trigger))
        {
            ModelState.AddModelError("", localizer["Sup.Error.UnknownStep"].Value);
            return Page();
        }

        var result = await complaints.StepAsync(Item, trigger, assignee, text, version, cancellationToken);
        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        return Redirect(SupervisionLinks.AdminComplaint(id));
    }

    /// <summary>Opens a penalty case from the complaint (立案, source 投诉举报) and links it.</summary>
    public async Task<IActionResult> OnPostCaseAsync(int id, string? cause, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayOpenCase)
        {
            ModelState.AddModelError("", localizer["Sup.Error.CaseNeedsOrganization"].Value);
            return Page();
        }

        var (opened, result) = await cases.FileAsync(new CaseFiling(Item.OrganizationId!.Value, CaseSource.Complaint, Item.Id, cause ?? Item.Subject, null, Item.Content), cancellationToken);
        if (opened is null)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        Item.CaseId = opened.Id;
        await complaints.SaveAsync(cancellationToken);
        return Redirect(SupervisionLinks.AdminCase(opened.Id));
    }

    /// <summary>Links the complaint to the spot check it led to.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, int checkId, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await complaints.LinkCheckAsync(Item, checkId, version, cancellationToken);
        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        return Redirect(SupervisionLinks.AdminComplaint(id));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await complaints.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        Item = found;
        TriageDue = await complaints.TriageDueAsync(found, cancellationToken);
        MayOpenCase = found.OrganizationId is not null && found.CaseId is null && found.State == ComplaintState.Accepted;
        var checks = await complaints.ChecksOfAsync(found, cancellationToken);
        LinkedCheck = found.CheckId is { } checkId ? checks.FirstOrDefault(c => c.Id == checkId) : null;
        LinkableChecks = found.State == ComplaintState.Accepted && found.CheckId is null ? checks : [];
        return true;
    }
}
