using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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
/// Grades held on a day (today unless <c>asOf</c> is given), all, of one grade (<c>grade</c>, as the reports count
/// holders) or at least one (<c>min</c>: the 3A+ 推荐性目录 and 4A+ simplified inspection views), and a downgrade or
/// revocation form for each grade valid today.
/// </summary>
[Permission(RatingsPermissions.Manage)]
public sealed class GradesModel(DbContext db, IOrganizationGrades organizationGrades, GradeService grades, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    /// <summary>The minimum grades offered as filters: all, 推荐性目录 (3A+), simplified inspection (4A+).</summary>
    public static readonly IReadOnlyList<int> Filters = [1, 3, 4];

    /// <summary>Exactly this grade (1–5), or any at or above <see cref="Minimum"/>.</summary>
    [BindProperty(SupportsGet = true)]
    [Range(1, 5, ErrorMessage = "Validation.Range")]
    [Display(Name = "Rate.Admin.Grade")]
    public int? Grade { get; set; }

    /// <summary>The day the grades are held on; today when empty.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Rate.Admin.Grades.AsOf")]
    public DateOnly? AsOf { get; set; }

    /// <summary>The grades held on <see cref="Day"/> that match, in grade then name order; empty when the filters are invalid.</summary>
    public IReadOnlyList<OrganizationGrade> Grades { get; private set; } = [];

    public IReadOnlyDictionary<int, int> Distribution { get; private set; } = new Dictionary<int, int>();

    public int Minimum { get; private set; } = 1;

    public DateOnly Today { get; private set; }

    /// <summary>The day the list is for: <see cref="AsOf"/> or today.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>False when a filter could not be read (the errors are in ModelState and no list is shown).</summary>
    public bool FiltersValid { get; private set; }

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    [BindProperty]
    public ChangeInput Change { get; set; } = new();

    /// <summary>The query string of the current filters (paging, the change form's return), or of another minimum without an exact grade.</summary>
    public string FilterQuery(int? minimum = null) =>
        string.Create(CultureInfo.InvariantCulture, $"min={minimum ?? Minimum}")
        + (Grade is { } g && minimum is null ? string.Create(CultureInfo.InvariantCulture, $"&grade={g}") : "")
        + (AsOf is { } day ? string.Create(CultureInfo.InvariantCulture, $"&asOf={day:yyyy-MM-dd}") : "");

    public async Task OnGetAsync(int min = 1, int p = 1, CancellationToken cancellationToken = default)
    {
        Minimum = Filters.Contains(min) ? min : 1;
        Today = ChinaTime.Today(clock);
        Day = AsOf ?? Today;
        FiltersValid = ModelState.GetValidationState(nameof(Grade)) != ModelValidationState.Invalid
            && ModelState.GetValidationState(nameof(AsOf)) != ModelValidationState.Invalid;
        if (!FiltersValid)
        {
            return;
        }

        var held = db.Set<OrganizationGrade>().AsNoTracking().HeldOn(Day);
        held = Grade is { } exactly ? held.Where(g => g.Grade == exactly) : held.Where(g => g.Grade >= Minimum);
        var total = await held.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Grades = await held.OrderByDescending(g => g.Grade).ThenBy(g => g.OrganizationName).ThenBy(g => g.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => string.Create(CultureInfo.InvariantCulture, $"?{FilterQuery()}&p={n}"));
        Distribution = await organizationGrades.DistributionAsync(Day, cancellationToken);
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
                Minimum = Filters.Contains(min) ? min : 1;
                return Redirect($"/Ratings/Admin/Grades?{FilterQuery()}");
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
