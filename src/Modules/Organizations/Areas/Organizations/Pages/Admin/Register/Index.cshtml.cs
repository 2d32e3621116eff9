using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Register;

/// <summary>
/// The register in the back office: search by name or code, filter by type, status and street, now or as it stood at
/// the end of a day (the list behind a report's register figures, <see cref="RegisterListFilter"/>).
/// </summary>
[Permission(OrganizationsPermissions.ViewRegister)]
public sealed class IndexModel(DbContext db, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 25;

    public RegisterListFilter Filter { get; private set; } = new();

    /// <summary>Filter values that were not understood, as sentences; the list is not shown then.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    /// <summary>The status shown for an organization: today's, or the one on the filter's as-of day.</summary>
    public Func<Organization, OrganizationStatus> StatusOf { get; private set; } = o => o.Status;

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public bool CanManage => User.HasPermission(OrganizationsPermissions.ManageRegister);

    public async Task OnGetAsync(string? q, string? type, string? status, string? street, string? asOf, int p = 1, CancellationToken cancellationToken = default)
    {
        (Filter, var errors) = RegisterListFilter.Parse(q, type, status, street, asOf);
        if (errors.Count > 0)
        {
            Errors = [.. errors.Select(localizer.Describe)];
            return;
        }

        if (Filter.AsOf is { } day)
        {
            StatusOf = RegisterListFilter.StatusOn(day).Compile(preferInterpretation: true);
        }

        var organizations = Filter.Apply(db.Set<Organization>().AsNoTracking());
        var total = await organizations.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Organizations = await organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => "?" + string.Join('&', Filter.Query(), $"p={n}").TrimStart('&'));
    }
}
