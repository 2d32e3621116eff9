using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Areas.Grants.Pages;

/// <summary>The applicant's projects (of every organization the account acts for) and starting a new one in an open round.</summary>
[Permission(GrantsPermissions.Apply)]
public sealed class MyModel(GrantApplicationService applications, RoundService rounds, GrantAccess access, IOrganizationRegister register, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<GrantApplication> Applications { get; private set; } = [];

    public IReadOnlyList<GrantRound> OpenRounds { get; private set; } = [];

    public IReadOnlyList<OrganizationSummary> Organizations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? RoundId { get; set; }

    [BindProperty]
    public int OrganizationId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (RoundId is not { } roundId || Organizations.All(o => o.Id != OrganizationId))
        {
            ModelState.AddModelError(string.Empty, localizer["Grant.Error.NoOrganization"]);
            return Page();
        }

        var (result, application) = await applications.StartAsync(roundId, OrganizationId, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        return RedirectToPage("/Application", new { area = "Grants", id = application!.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await access.OrganizationsOfAsync(User, cancellationToken);
        Organizations = await register.FindManyAsync(mine, cancellationToken);
        Applications = await applications.OfOrganizationsAsync(mine, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        OpenRounds = [.. (await rounds.PublishedAsync(cancellationToken)).Where(r => RoundWorkflow.AcceptsSubmissions(r, now))];
    }
}
