using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core;
using Registry.Core.Auditing;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Web.Data;

namespace Registry.Web.Pages.Admin.Audit;

/// <summary>The audit trail, newest first (entries not yet sealed show no number), and a check of the whole hash chain.</summary>
[Permission(CorePermissions.ViewAudit)]
public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public AuditVerification? Verification { get; private set; }

    public Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default) => LoadAsync(p, cancellationToken);

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        await AuditChain.SealPendingAsync(db, cancellationToken);
        Verification = await AuditChain.VerifyAsync(db, cancellationToken);
        await LoadAsync(1, cancellationToken);
    }

    private async Task LoadAsync(int p, CancellationToken cancellationToken)
    {
        var total = await db.Set<AuditEntry>().CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Entries = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => $"?p={n}");
    }
}
