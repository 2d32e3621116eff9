using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Ratings.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Admin;

/// <summary>
/// Grades valid today, with the 3A+ (推荐性目录) and 4A+ (simplified inspection) views, and a downgrade or revocation
/// form for each grade.
/// </summary>
[Permission(RatingsPermissions.Manage)]
public sealed class GradesModel(DbContext db, IOrganizationGrades organizationGrades, GradeService grades, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    /// <summary>The minimum grades offered as filters: all, 推荐性目录 (3A+), simplified inspection (4A+).</summary>
    public static readonly IReadOnlyList<int> Filters = [1, 3, 4];

    public IReadOnlyList<GradedOrganization> Grades { get; private set; } = [];

    /// <summary>The grade row behind each listed grade (the contract names organizations, not rows).</summary>
    public IReadOnlyDictionary<(int OrganizationId, int Grade), int> GradeIds { get; private set; } = new Dictionary<(int, int), int>();

    public IReadOnlyDictionary<int, int> Distribution { get; private set; } = new Dictionary<int, int>();

    public int Minimum { get; private set; } = 1;

    public DateOnly Today { get; private set; }

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    [BindProperty]
    public ChangeInput Change { get; set; } = new();

    public async Task OnGetAsync(int min = 1, int p = 1, CancellationToken cancellationToken = default)
    {
        Minimum = Filters.Contains(min) ? min : 1;
        Today = ChinaTime.Today(clock);
        var all = await organizationGrades.AtLeastAsync(Minimum, Today, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, all.Count);
        Grades = [.. all.Skip((page - 1) * PageSize).Take(PageSize)];
        Paging = new PageInfo(page, PageSize, all.Count, n => $"?min={Minimum}&p={n}");
        var organizationIds = Grades.Select(g => g.OrganizationId).ToList();
        var today = Today;
        var rows = await db.Set<OrganizationGrade>().AsNoTracking()
            .Where(g => organizationIds.Contains(g.OrganizationId) && g.EndedOn == null && g.ValidFrom <= today && g.ValidUntil >= today)
            .Select(g => new { g.Id, g.OrganizationId, g.Grade }).ToListAsync(cancellationToken);
        GradeIds = rows.GroupBy(r => (r.OrganizationId, r.Grade)).ToDictionary(g => g.Key, g => g.Max(r => r.Id));
        Distribution = await organizationGrades.DistributionAsync(Today, cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeAsync(int min = 1, CancellationToken cancellationToken = default)
    {
        if (await grades.FindAsync(Change.Id, cancellationToken) is not { } grade)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = Change.NewGrade is { } newGrade
                ? await grades.ChangeAsync(grade, newGrade, Change.Reason, cancellationToken)
                : OperationResult.Fail("NewGrade", "Validation.Required", "Rate.Admin.Field.NewGrade");
            if (result.Succeeded)
            {
                TempData["Flash"] = Change.NewGrade == 0
                    ? localizer["Rate.Admin.RevokedFlash", grade.OrganizationName].Value
                    : localizer["Rate.Admin.LoweredFlash", grade.OrganizationName, Change.NewGrade!.Value].Value;
                return Redirect($"/Ratings/Admin/Grades?min={(Filters.Contains(min) ? min : 1)}");
            }

            // Errors name the organization: the page has one form per grade and shows them at the top.
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, $"{grade.OrganizationName}: {localizer.Describe(error)}");
            }
        }

        await OnGetAsync(min, 1, cancellationToken);
        return Page();
    }

    public sealed class ChangeInput
    {
        public int Id { get; set; }

        [Range(0, 4, ErrorMessage = "Rate.Error.Downgrade")]
        [Display(Name = "Rate.Admin.Field.NewGrade")]
        public int? NewGrade { get; set; }

        [StringLength(TextLimits.Note, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Rate.Field.Reason")]
        public string? Reason { get; set; }
    }
}
