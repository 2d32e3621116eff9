using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Projects.Admin;

/// <summary>
/// A round's funded projects for the officer: committed, paid and remaining money of the round; each award with its
/// agreement (or the form to draw it up, optionally asking for a revised plan and budget first), paged.
/// </summary>
[Permission(GrantsPermissions.Manage)]
public sealed class RoundModel(RoundService rounds, GrantApplicationService applications, GrantAgreementService agreements, GrantMoneyService money, IStringLocalizer localizer) : PageModel
{
    public GrantRound Round { get; private set; } = null!;

    public RoundMoney Money { get; private set; } = null!;

    public IReadOnlyList<AwardRow> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, GrantAgreementService.PageSize, 0, _ => "");

    public async Task<IActionResult> OnGetAsync(int id, int p, CancellationToken cancellationToken) =>
        await LoadAsync(id, p, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(int id, int applicationId, string? revisionRequest, CancellationToken cancellationToken)
    {
        if (await applications.FindAsync(applicationId, cancellationToken) is not { } application || application.RoundId != id)
        {
            return NotFound();
        }

        var (result, agreement) = await agreements.CreateAsync(application, revisionRequest, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = localizer["Grant.Project.CreatedFlash"].Value;
            return RedirectToPage("/Projects/Admin/Agreement", new { area = "Grants", id = agreement!.Id });
        }

        ModelState.AddResult(result, localizer, "");
        return await LoadAsync(id, 1, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, int page, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } round)
        {
            return false;
        }

        Round = round;
        Money = await money.OfRoundAsync(id, cancellationToken);
        page = Math.Max(page, 1);
        var (rows, total) = await agreements.AwardsOfRoundAsync(id, page, cancellationToken);
        Rows = rows;
        Paging = new PageInfo(page, GrantAgreementService.PageSize, total, n => $"?p={n}");
        return true;
    }
}
