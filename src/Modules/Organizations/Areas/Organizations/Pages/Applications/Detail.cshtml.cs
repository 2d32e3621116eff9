using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Applications;

/// <summary>The applicant's view of one application: status, due dates, corrections, history; withdrawal.</summary>
[Permission(OrganizationsPermissions.Apply)]
public sealed class DetailModel(RegistrationService registration, OrganizationAccess access, ApplicationViews views, IStringLocalizer localizer) : PageModel
{
    public ApplicationView View { get; private set; } = null!;

    public bool CanAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(int id, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanAct)
        {
            return NotFound();
        }

        var result = await registration.WithdrawAsync(View.Application, version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Conflict ? localizer["Org.App.Conflict"] : localizer.Describe(result.Errors[0]));
            return Page();
        }

        TempData["Flash"] = localizer["Org.App.Withdrawn"].Value;
        return RedirectToPage("/Applications/Detail", new { area = "Organizations", id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await registration.FindAsync(id, cancellationToken);
        if (application is null || !await access.CanReadAsync(User, application, cancellationToken))
        {
            return false;
        }

        CanAct = await access.CanActAsApplicantAsync(User, application, cancellationToken);
        View = await views.BuildAsync(application, cancellationToken);
        return true;
    }
}
