using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Reminders;

/// <summary>
/// Officers see every open obligation of the register's active organizations and who has been reminded of it (threshold
/// and day) and who has not, or has no account to remind, so they can call before the deadline.
/// </summary>
[Permission(OrganizationsPermissions.ViewRegister)]
public sealed class IndexModel(DbContext db, WorkspaceService workspace) : PageModel
{
    public sealed record Row(ObligationView View, string OrganizationName, int Accounts, IReadOnlyList<ObligationReminder> Reminders);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Only obligations nobody has been reminded of yet.</summary>
    public bool Unreminded { get; private set; }

    public async Task OnGetAsync(bool unreminded, CancellationToken cancellationToken)
    {
        Unreminded = unreminded;
        var organizations = await db.Set<Organization>().AsNoTracking().Where(o => o.Status == OrganizationStatus.Active)
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var accounts = await db.Set<OrganizationMember>().AsNoTracking().GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var obligations = await workspace.ObligationsAsync(organizations.Keys, cancellationToken);
        var ids = obligations.Select(o => o.Obligation.OrganizationId).Distinct().ToList();
        var reminders = (await db.Set<ObligationReminder>().AsNoTracking().Where(r => ids.Contains(r.OrganizationId)).ToListAsync(cancellationToken))
            .ToLookup(r => (r.OrganizationId, r.ObligationKey));
        Rows =
        [
            .. obligations
                .Select(v => new Row(v, organizations[v.Obligation.OrganizationId], accounts.GetValueOrDefault(v.Obligation.OrganizationId),
                    [.. reminders[(v.Obligation.OrganizationId, v.Obligation.Key)].OrderByDescending(r => r.Threshold)]))
                .Where(r => !unreminded || r.Reminders.Count == 0),
        ];
    }
}
