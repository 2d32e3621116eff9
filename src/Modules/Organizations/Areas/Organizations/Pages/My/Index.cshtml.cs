using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.My;

/// <summary>The applicant's desk: their organizations, their applications, and where to start a new one.</summary>
[Permission(OrganizationsPermissions.Apply)]
public sealed class IndexModel(DbContext db, RegistrationService registration, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<(Organization Organization, bool IsOrgAdmin)> Organizations { get; private set; } = [];

    public IReadOnlyList<RegistrationApplication> Applications { get; private set; } = [];

    public static string BadgeFor(ApplicationState state) => state switch
    {
        ApplicationState.Approved => "ok",
        ApplicationState.Rejected or ApplicationState.Withdrawn or ApplicationState.PreReviewRefused => "danger",
        ApplicationState.Returned => "warn",
        _ => "",
    };

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>
    /// Starts (or reopens) a draft of the kind named by the button. A missing, unknown or numeric kind is refused with a
    /// message (400): it used to bind as the enum's default and silently make a name-approval draft.
    /// </summary>
    public async Task<IActionResult> OnPostStartAsync(string? kind, int? organizationId, CancellationToken cancellationToken)
    {
        if (ApplicationKinds.Parse(kind) is not { } known)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, localizer["Org.App.UnknownKind"]);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (application, result) = await registration.CreateDraftAsync(known, User.UserId()!, organizationId, cancellationToken);
        if (application is null)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, localizer.Describe(error));
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("/Applications/Edit", new { area = "Organizations", id = application.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        var memberships = await db.Set<OrganizationMember>().AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var ids = memberships.Select(m => m.OrganizationId).ToList();
        var organizations = await db.Set<Organization>().AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        Organizations = [.. organizations.Select(o => (o, memberships.Single(m => m.OrganizationId == o.Id).IsOrgAdmin))];
        Applications = await db.Set<RegistrationApplication>().AsNoTracking()
            .Where(a => a.ApplicantUserId == userId || (a.OrganizationId != null && ids.Contains(a.OrganizationId.Value)))
            .OrderByDescending(a => a.UpdatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
    }
}
