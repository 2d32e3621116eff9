using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Street;

/// <summary>
/// A street office's view of an application from its street: the project and its recommendation opinion (推荐 / 不推荐 with
/// the text), revisable until the shortlist is published. Any other street's application (or a draft) is not there: 404.
/// </summary>
[Permission(GrantsPermissions.Recommend)]
public sealed class ApplicationModel(StreetRecommendationService streets, IStringLocalizer localizer) : PageModel
{
    public GrantApplication Application { get; private set; } = null!;

    public GrantRound Round { get; private set; } = null!;

    public StreetRecommendation? Recommendation { get; private set; }

    public bool CanGive => StreetRecommendationRules.IsOpen(Application.State, Round.Stage);

    [BindProperty]
    public bool? Recommended { get; set; }

    [BindProperty]
    public string? Opinion { get; set; }

    [BindProperty]
    public long Version { get; set; }

    private string _street = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Recommended = Recommendation?.Recommended;
        Opinion = Recommendation?.Opinion;
        Version = Recommendation?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await streets.GiveAsync(Application, _street, Recommended, Opinion, Version, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer["Grant.Street.SavedFlash"].Value;
        return RedirectToPage("/Street/Application", new { area = "Grants", id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await streets.StreetOfAsync(User, cancellationToken) is not { } street || await streets.FindInStreetAsync(id, street, cancellationToken) is not { } application)
        {
            return false;
        }

        _street = street;
        Application = application;
        Round = await streets.RoundOfAsync(application, cancellationToken);
        Recommendation = await streets.OfApplicationAsync(id, cancellationToken);
        return true;
    }
}
