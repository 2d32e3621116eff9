using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Admin.Users;

[Permission(CorePermissions.ManageUsers)]
public sealed class IndexModel(DbContext db) : PageModel
{
    private const int PageSize = 25;

    public string? Query { get; private set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public async Task OnGetAsync(string? q, int p = 1, CancellationToken cancellationToken = default)
    {
        Query = q?.Trim();
        var users = db.Set<RegistryUser>().AsNoTracking();
        if (!string.IsNullOrEmpty(Query))
        {
            users = users.Where(u => u.Email!.Contains(Query) || u.DisplayName.Contains(Query));
        }

        var total = await users.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        var rows = await users.OrderBy(u => u.Email).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled, u.EmailConfirmed })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.Set<IdentityUserRole<string>>()
                           join r in db.Set<RegistryRole>() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name, r.DisplayName }).ToListAsync(cancellationToken);
        Users = [.. rows.Select(r => new UserRow(r.Id, r.DisplayName, r.Email ?? "", r.IsDisabled, r.EmailConfirmed, [.. roles.Where(x => x.UserId == r.Id).Select(x => (x.Name!, x.DisplayName))]))];
        Paging = new PageInfo(page, PageSize, total, n => $"?q={Uri.EscapeDataString(Query ?? "")}&p={n}");
    }

    public sealed record UserRow(string Id, string DisplayName, string Email, bool IsDisabled, bool EmailConfirmed, IReadOnlyList<(string Name, string? DisplayName)> Roles);
}
