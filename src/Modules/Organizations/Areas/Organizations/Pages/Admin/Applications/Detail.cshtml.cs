using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Review;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Applications;

/// <summary>
/// An officer examines an application and moves it on: accept, return for correction, review, approve or reject. Whoever
/// reads the register (局领导 too) sees it; every action needs the review permission.
/// </summary>
[Permission(OrganizationsPermissions.ViewRegister)]
public sealed class DetailModel(
    RegistrationService registration,
    ApplicationViews views,
    NameChecker names,
    IRegistrationRulesProvider rulesProvider,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public ApplicationView View { get; private set; } = null!;

    /// <summary>Whether the reader may act on the application (the page itself only needs the register's read permission).</summary>
    public bool CanReview => User.HasPermission(OrganizationsPermissions.ReviewApplications);

    /// <summary>Officers who may be named case owner (首办负责人), for the acceptance and reassignment forms.</summary>
    public IReadOnlyList<RegistryUser> OwnerCandidates { get; private set; } = [];

    public string? Opinion { get; private set; }

    public NameCheck? NameCheck { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Working days the period may still be extended by (行政许可法 第四十二条); 0 when it cannot be.</summary>
    public int ExtensionDays { get; private set; }

    public string? ExtensionReason { get; private set; }

    public string? ExtensionApprovedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, ApplicationTrigger trigger, string? note, long version, string? owner, CancellationToken cancellationToken)
    {
        if (!CanReview)
        {
            return Forbid();
        }

        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || application.State == ApplicationState.Draft)
        {
            return NotFound();
        }

        var result = await registration.DecideAsync(application, trigger, note, version, owner, cancellationToken);
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

    /// <summary>An internal sign-off step (承办, 审核) with its opinion; the same person cannot take two steps of one application.</summary>
    public async Task<IActionResult> OnPostSignOffAsync(int id, string? step, string? opinion, long version, CancellationToken cancellationToken)
    {
        if (!CanReview)
        {
            return Forbid();
        }

        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || application.State == ApplicationState.Draft)
        {
            return NotFound();
        }

        var parsed = Enum.GetValues<SignOffStep>().Cast<SignOffStep?>().FirstOrDefault(s => s.ToString() == step);
        var result = parsed is { } known
            ? await registration.SignOffAsync(application, known, opinion, version, cancellationToken)
            : OperationResult.Fail("", "Org.Validation.UnknownSignOffStep");
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "", "Org.App.ConflictOfficer");
            Opinion = opinion;
            var fresh = await registration.FindAsync(id, cancellationToken);
            return await LoadAsync(fresh!, cancellationToken);
        }

        TempData["Flash"] = localizer["Org.SignOff.Saved", localizer[$"Core.SignOff.Step.{parsed}"], application.ReceiptNumber ?? ""].Value;
        return RedirectToPage("/Admin/Applications/Detail", new { area = "Organizations", id });
    }

    /// <summary>Names another case owner (首办负责人).</summary>
    public async Task<IActionResult> OnPostOwnerAsync(int id, string? owner, long version, CancellationToken cancellationToken)
    {
        if (!CanReview)
        {
            return Forbid();
        }

        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || application.State == ApplicationState.Draft)
        {
            return NotFound();
        }

        var result = await registration.AssignOwnerAsync(application, owner, version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "", "Org.App.ConflictOfficer");
            var fresh = await registration.FindAsync(id, cancellationToken);
            return await LoadAsync(fresh!, cancellationToken);
        }

        TempData["Flash"] = localizer["Org.SignOff.OwnerSaved", application.OwnerName ?? ""].Value;
        return RedirectToPage("/Admin/Applications/Detail", new { area = "Organizations", id });
    }

    public async Task<IActionResult> OnPostExtendAsync(int id, string? reason, string? approvedBy, long version, CancellationToken cancellationToken)
    {
        if (!CanReview)
        {
            return Forbid();
        }

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
        OwnerCandidates = await registration.OwnerCandidatesAsync(cancellationToken);
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
