using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Applications;

/// <summary>An officer examines an application and moves it on: accept, return for correction, review, approve or reject.</summary>
[Permission(OrganizationsPermissions.ReviewApplications)]
public sealed class DetailModel(
    RegistrationService registration,
    ApplicationViews views,
    NameChecker names,
    IRegistrationRulesProvider rulesProvider,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public ApplicationView View { get; private set; } = null!;

    public NameCheck? NameCheck { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Working days the period may still be extended by (行政许可法 第四十二条); 0 when it cannot be.</summary>
    public int ExtensionDays { get; private set; }

    public string? ExtensionReason { get; private set; }

    public string? ExtensionApprovedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, ApplicationTrigger trigger, string? note, long version, CancellationToken cancellationToken)
    {
        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || application.State == ApplicationState.Draft)
        {
            return NotFound();
        }

        var result = await registration.DecideAsync(application, trigger, note, version, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Conflict)
            {
                ModelState.AddModelError(string.Empty, localizer["Org.App.ConflictOfficer"]);
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, localizer.Describe(error));
            }

            Note = note;
            // Show the application as it now stands (another officer may have moved it on).
            var fresh = await registration.FindAsync(id, cancellationToken);
            return await LoadAsync(fresh!, cancellationToken);
        }

        TempData["Flash"] = localizer["Org.App.DecisionSaved", localizer[$"Org.Trigger.{trigger}"], application.ReceiptNumber ?? ""].Value;
        return RedirectToPage("/Admin/Applications/Detail", new { area = "Organizations", id });
    }

    public async Task<IActionResult> OnPostExtendAsync(int id, string? reason, string? approvedBy, long version, CancellationToken cancellationToken)
    {
        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || application.State == ApplicationState.Draft)
        {
            return NotFound();
        }

        var result = await registration.ExtendAsync(application, reason, approvedBy, version, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Conflict)
            {
                ModelState.AddModelError(string.Empty, localizer["Org.App.ConflictOfficer"]);
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, localizer.Describe(error));
            }

            ExtensionReason = reason;
            ExtensionApprovedBy = approvedBy;
            var fresh = await registration.FindAsync(id, cancellationToken);
            return await LoadAsync(fresh!, cancellationToken);
        }

        TempData["Flash"] = localizer["Org.App.ExtendSaved", application.ReceiptNumber ?? ""].Value;
        return RedirectToPage("/Admin/Applications/Detail", new { area = "Organizations", id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || application.State == ApplicationState.Draft)
        {
            return false;
        }

        await LoadAsync(application, cancellationToken);
        return true;
    }

    private async Task<IActionResult> LoadAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        View = await views.BuildAsync(application, cancellationToken);
        var rulesForKind = (await rulesProvider.GetAsync(cancellationToken)).Kind(application.Kind);
        ExtensionDays = application.ExtendedOn is null && application.AcceptedOn is not null
            && application.State is ApplicationState.Accepted or ApplicationState.UnderReview
            ? rulesForKind.ExtensionDays
            : 0;
        if (!ApplicationWorkflow.IsFinal(application.State) && application.Kind != ApplicationKind.Deregistration)
        {
            var rules = await rulesProvider.GetAsync(cancellationToken);
            var candidate = application.Kind == ApplicationKind.NameApproval ? View.Form.ProposedNames.FirstOrDefault() : View.Form.Name;
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                var own = application.Kind == ApplicationKind.Change ? application.OrganizationId : null;
                NameCheck = await names.CheckAsync(candidate, new NameRules(rules.NamePrefixes, NameRules.DefaultSuffixes), ChinaTime.Today(clock), own, [application.Id, .. application.NameApplicationId is { } nameId ? [nameId] : Array.Empty<int>()], cancellationToken);
            }
        }

        return Page();
    }
}
