using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Areas.Ratings.Pages.Admin;

/// <summary>
/// Rating applications across campaigns, as the reports count them: filed in campaigns whose application window opened
/// from <c>from</c> to <c>to</c>, or, with <c>grade</c>, awarded that grade by an announcement in that period.
/// </summary>
[Permission(RatingsPermissions.Manage)]
public sealed class ApplicationsModel(DbContext db, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Rate.Admin.List.From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Rate.Admin.List.To")]
    public DateOnly? To { get; set; }

    /// <summary>Awarded this grade (1–5) in the period, instead of filed in a campaign opened in it.</summary>
    [BindProperty(SupportsGet = true)]
    [Range(1, 5, ErrorMessage = "Validation.Range")]
    [Display(Name = "Rate.Admin.List.Grade")]
    public int? Grade { get; set; }

    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];

    /// <summary>False when a filter could not be read or the period is reversed (the errors are in ModelState and no list is shown).</summary>
    public bool FiltersValid { get; private set; }

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError(nameof(To), localizer["Filter.FromAfterTo", FilterReader.Format(from), FilterReader.Format(to)].Value);
        }

        FiltersValid = ModelState.IsValid;
        if (!FiltersValid)
        {
            return;
        }

        var applications = db.Set<RatingApplication>().AsNoTracking();
        if (Grade is { } grade)
        {
            var awarded = db.Set<OrganizationGrade>().AwardedBetween(From, To).Where(g => g.Grade == grade);
            applications = applications.Where(a => awarded.Any(g => g.ApplicationId == a.Id));
        }
        else
        {
            applications = applications.AppliedBetween(db.Set<RatingCampaign>(), From, To);
        }

        var total = await applications.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Applications = await applications.Join(db.Set<RatingCampaign>(), a => a.CampaignId, c => c.Id, (a, c) => new { Application = a, Campaign = c })
            .OrderByDescending(x => x.Campaign.WindowOpens).ThenBy(x => x.Application.OrganizationName).ThenBy(x => x.Application.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new ApplicationRow(x.Application, x.Campaign.Id, x.Campaign.Title)).ToListAsync(cancellationToken);
        var query = string.Concat(
            From is { } first ? string.Create(CultureInfo.InvariantCulture, $"from={first:yyyy-MM-dd}&") : "",
            To is { } last ? string.Create(CultureInfo.InvariantCulture, $"to={last:yyyy-MM-dd}&") : "",
            Grade is { } g ? string.Create(CultureInfo.InvariantCulture, $"grade={g}&") : "");
        Paging = new PageInfo(page, PageSize, total, n => string.Create(CultureInfo.InvariantCulture, $"?{query}p={n}"));
    }

    /// <summary>A listed application and the campaign it was filed in.</summary>
    public sealed record ApplicationRow(RatingApplication Application, int CampaignId, string CampaignTitle);
}
