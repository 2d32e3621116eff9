using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Evaluation;

/// <summary>The round's evaluation rubric: criteria with weights (the default until saved); fixed once a sheet is submitted.</summary>
[Permission(GrantsPermissions.Manage)]
public sealed class RubricModel(EvaluationService evaluations, DbContext db, IStringLocalizer localizer) : PageModel
{
    public GrantRound Round { get; private set; } = null!;

    public bool IsDefault { get; private set; }

    [BindProperty]
    public List<CriterionRow> Criteria { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(roundId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = (await evaluations.StoredRubricAsync(roundId, cancellationToken))?.Version ?? 0;
        Criteria = [.. (await evaluations.RubricAsync(roundId, cancellationToken)).Select(c => new CriterionRow { Name = c.Name, Weight = c.Weight.ToString(CultureInfo.InvariantCulture), Guidance = c.Guidance })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(roundId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var criteria = new List<RubricCriterion>();
        foreach (var (row, i) in Criteria.Select((row, i) => (row, i)).Where(r => !string.IsNullOrWhiteSpace(r.row.Name) || !string.IsNullOrWhiteSpace(r.row.Weight)))
        {
            if (!int.TryParse(row.Weight?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                ModelState.AddModelError($"Criteria[{i}].Weight", localizer["Grant.Error.NotANumber"]);
            }

            criteria.Add(new RubricCriterion($"E{criteria.Count + 1}", row.Name?.Trim() ?? "", weight, row.Guidance?.Trim() ?? ""));
        }

        var result = ModelState.IsValid ? await evaluations.SaveRubricAsync(roundId, criteria, Version, cancellationToken) : new OperationResult([]);
        if (!ModelState.IsValid || !result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "");
            return Page();
        }

        TempData["Flash"] = localizer["Grant.Progress.RubricSavedFlash"].Value;
        return RedirectToPage("/Evaluation/Rubric", new { area = "Grants", roundId });
    }

    private async Task<IActionResult?> LoadAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await db.Set<GrantRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        IsDefault = await evaluations.StoredRubricAsync(roundId, cancellationToken) is null;
        return null;
    }

    public sealed class CriterionRow
    {
        public string? Name { get; set; }

        public string? Weight { get; set; }

        public string? Guidance { get; set; }
    }
}
