using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Inspections.Contracts;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Inspections.Areas.Inspections.Pages.Admin;

/// <summary>
/// The accepted annual reports of a year behind a sector figure (by type, street and party-coverage group), each with
/// its value of the measure, and the count and total the figure shows, both computed by the database.
/// </summary>
[Permission(InspectionsPermissions.Review)]
public sealed class SectorModel(DbContext db, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 50;

    public int Year { get; private set; }

    public SectorMeasure Measure { get; private set; }

    public string? Type { get; private set; }

    /// <summary>The street filter as given: null any, <see cref="OrganizationCodes.NoStreet"/> none recorded.</summary>
    public string? Street { get; private set; }

    public PartyGroup? Party { get; private set; }

    public bool FilterValid { get; private set; } = true;

    public int Total { get; private set; }

    /// <summary>The measure summed over every listed report (fen for money).</summary>
    public long Sum { get; private set; }

    public bool IsMoney => SectorMeasureKinds.IsMoney(Measure);

    public IReadOnlyList<(AnnualReport Report, long Value)> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public async Task<IActionResult> OnGetAsync(int year, string? measure, string? type, string? street, string? party, int p = 1, CancellationToken cancellationToken = default)
    {
        Year = year;
        var reader = new FilterReader();
        Measure = reader.Choice<SectorMeasure>(measure, "measure", "Insp.Sector.Measure") ?? SectorMeasure.Reports;
        Party = reader.Choice<PartyGroup>(party, "party", "Insp.Sector.Party");
        Type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();
        Street = string.IsNullOrWhiteSpace(street) ? null : street.Trim();
        var errors = reader.Errors.ToList();
        if (Type is not null && !OrganizationCodes.Types.Contains(Type))
        {
            errors.Add(new FormError("type", "Filter.BadChoice", "Insp.Sector.Type", Type));
        }

        if (Street is { Length: > 50 })
        {
            errors.Add(new FormError("street", "Validation.MaxLength", "Insp.Sector.Street", 50));
        }

        if (errors.Count > 0)
        {
            // A filter that is not understood lists nothing rather than everything under a misleading total.
            ModelState.AddResult(new OperationResult(errors), localizer, "");
            FilterValid = false;
            return Page();
        }

        var reports = db.Set<AnnualReport>().AsNoTracking().Where(SectorMeasures.Accepted(year));
        if (Type is not null)
        {
            reports = reports.Where(r => r.TypeCode == Type);
        }

        if (Street is not null)
        {
            var streetValue = Street == OrganizationCodes.NoStreet ? "" : Street;
            reports = reports.Where(r => r.Street == streetValue);
        }

        if (Party is { } group)
        {
            reports = reports.Where(PartyCoverage.Predicate(group));
        }

        var selector = SectorMeasures.Selector(Measure);
        Total = await reports.CountAsync(cancellationToken);
        Sum = Total == 0 ? 0 : await reports.SumAsync(selector, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, Total);
        var shown = await reports.OrderByDescending(selector).ThenBy(r => r.OrganizationName).ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Rows = [.. shown.Select(r => (r, SectorMeasures.ValueOf(Measure, r)))];
        var query = FilterReader.Query(("measure", Measure == SectorMeasure.Reports ? null : Measure), ("type", Type), ("street", Street), ("party", Party));
        Paging = new PageInfo(page, PageSize, Total, n => query.Length == 0 ? $"?p={n}" : $"?{query}&p={n}");
        return Page();
    }
}
