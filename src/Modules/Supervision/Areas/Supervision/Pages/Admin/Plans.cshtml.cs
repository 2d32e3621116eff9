using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Supervision.Contracts;
using Registry.Supervision.Domain;
using Registry.Supervision.Services;

namespace Registry.Supervision.Areas.Supervision.Pages.Admin;

/// <summary>双随机、一公开 plans; officers prepare a plan here (filters, size, strata, inspectors' pool).</summary>
[Permission(SupervisionPermissions.ManagePlans)]
public sealed class PlansModel(DbContext db, PlanService plans, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<InspectionPlan> Plans { get; private set; } = [];

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // One inspector a line: "name", "name|external" (outside expert) or "name|accountId".
        var pool = (Input.Inspectors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts[0].Length is > 0 and <= 100)
            .Select(parts => (parts[0], parts.Length > 1 && parts[1] != "external" && parts[1].Length > 0 ? parts[1] : (string?)null, parts.Length > 1 && parts[1] == "external"))
            .ToList();
        var (plan, result) = await plans.CreateAsync(
            new PlanInput(Input.Year, Input.Quarter, Input.Title ?? "", Input.Types, Input.Streets, Input.MinGrade, Input.Standing, Input.SharePercent, Input.DrawCount, Input.Strata, Input.InspectorsPerCheck, Input.Items),
            pool, cancellationToken);
        if (plan is null)
        {
            ModelState.AddResult(result, localizer, "Input.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(SupervisionLinks.AdminPlan(plan.Id));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Plans = await db.Set<InspectionPlan>().AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).ToListAsync(cancellationToken);

    public sealed class PlanForm
    {
        public int Year { get; set; } = DateTime.UtcNow.Year;

        public int? Quarter { get; set; }

        public string? Title { get; set; }

        public string? Types { get; set; }

        public string? Streets { get; set; }

        public int? MinGrade { get; set; }

        public StandingFilter Standing { get; set; }

        public decimal? SharePercent { get; set; }

        public int? DrawCount { get; set; }

        public StrataBy Strata { get; set; }

        public int InspectorsPerCheck { get; set; } = 2;

        public string? Items { get; set; }

        public string? Inspectors { get; set; }
    }
}
