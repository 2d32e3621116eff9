using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Parties;

/// <summary>
/// The supervising unit's consent (成立, 变更, 注销) or the street office's first review (社区社会组织备案) of one application
/// addressed to it, with its opinion; anything not addressed to the account's unit or street is not found.
/// </summary>
[Permission(OrganizationsPermissions.PreReview)]
public sealed class ApplicationModel(RegistrationService registration, PartyAccess parties, ApplicationViews views, IStringLocalizer localizer) : PageModel
{
    public ApplicationView View { get; private set; } = null!;

    public string? Opinion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is { } application ? await ShowAsync(application, cancellationToken) : NotFound();

    public Task<IActionResult> OnPostPassAsync(int id, string? opinion, long version, CancellationToken cancellationToken) =>
        AnswerAsync(id, pass: true, opinion, version, cancellationToken);

    public Task<IActionResult> OnPostFailAsync(int id, string? opinion, long version, CancellationToken cancellationToken) =>
        AnswerAsync(id, pass: false, opinion, version, cancellationToken);

    private async Task<IActionResult> AnswerAsync(int id, bool pass, string? opinion, long version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } application)
        {
            return NotFound();
        }

        var result = await registration.PreReviewAsync(application, pass, opinion, User.UserId()!, version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "", "Org.App.ConflictOfficer");
            Opinion = opinion;
            return await ShowAsync((await registration.FindAsync(id, cancellationToken))!, cancellationToken);
        }

        TempData["Flash"] = localizer[pass ? "Org.Parties.PassedFlash" : "Org.Parties.RefusedFlash", application.ReceiptNumber ?? ""].Value;
        return RedirectToPage("/Parties/Application", new { area = "Organizations", id });
    }

    private async Task<RegistrationApplication?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await registration.FindAsync(id, cancellationToken);
        var scope = await parties.ScopeAsync(User.UserId(), cancellationToken);
        return application is not null && PartyAccess.IsAddressedTo(application, scope) ? application : null;
    }

    private async Task<IActionResult> ShowAsync(RegistrationApplication application, CancellationToken cancellationToken)
    {
        View = await views.BuildAsync(application, cancellationToken);
        return Page();
    }
}
