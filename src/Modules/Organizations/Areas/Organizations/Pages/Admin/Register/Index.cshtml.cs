using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Register;

/// <summary>The register in the back office: search by name or code, filter by type and status.</summary>
[Permission(OrganizationsPermissions.ViewRegister)]
public sealed class IndexModel(DbContext db) : PageModel
{
    private const int PageSize = 25;

    public string? Query { get; private set; }

    public OrganizationType? Type { get; private set; }

    public OrganizationStatus? Status { get; private set; }

    /// <summary>Exact street (街道), e.g. from a link on the reports dashboard.</summary>
    public string? Street { get; private set; }

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    /// <summary>True when nothing narrows the list: an empty list then means an empty register.</summary>
    public bool IsUnfiltered => string.IsNullOrEmpty(Query) && Type is null && Status is null && Street is null;

    public bool CanManage => User.HasPermission(OrganizationsPermissions.ManageRegister);

    public async Task OnGetAsync(string? q, string? type, string? status, string? street, int p = 1, CancellationToken cancellationToken = default)
    {
        // Unknown filter values are ignored rather than failing the list (old bookmarks, hand-edited links).
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Type = Enum.TryParse<OrganizationType>(type, out var t) && Enum.IsDefined(t) ? t : null;
        Status = Enum.TryParse<OrganizationStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        Street = string.IsNullOrWhiteSpace(street) ? null : street.Trim();

        var organizations = db.Set<Organization>().AsNoTracking();
        if (Query is not null)
        {
            // Codes are matched exactly (credit codes are upper case), names by substring.
            var code = Query.ToUpperInvariant();
            organizations = organizations.Where(o => o.Name.Contains(Query) || o.CreditCode == code || o.FilingNumber == Query || o.FilingNumber == code);
        }

        if (Type is { } typeFilter)
        {
            organizations = organizations.Where(o => o.Type == typeFilter);
        }

        if (Status is { } statusFilter)
        {
            organizations = organizations.Where(o => o.Status == statusFilter);
        }

        if (Street is not null)
        {
            organizations = organizations.Where(o => o.Street == Street);
        }

        var total = await organizations.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Organizations = await organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, UrlFor);
    }

    private string UrlFor(int page) =>
        $"?q={Uri.EscapeDataString(Query ?? "")}&type={Type}&status={Status}&street={Uri.EscapeDataString(Street ?? "")}&p={page}";
}
