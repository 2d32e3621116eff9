using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Modularity;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Workspace;

/// <summary>
/// The organization's workspace, for its members only (anyone else gets 404): every module's dated obligations with working
/// days left, every application and its step, the member's latest messages, the organization's standing, and the secret
/// calendar feed. Without an id: the member's only organization, or the list to choose from.
/// </summary>
[Permission(OrganizationsPermissions.Apply)]
public sealed class IndexModel(
    DbContext db,
    WorkspaceService workspace,
    INotificationInbox inbox,
    PublicUrls urls,
    IEnumerable<IOrganizationPageSection> sections,
    IStringLocalizer localizer) : PageModel
{
    public const int MessageCount = 5;

    public IReadOnlyList<Organization> Choices { get; private set; } = [];

    public Organization? Organization { get; private set; }

    public IReadOnlyList<ObligationView> Obligations { get; private set; } = [];

    public IReadOnlyList<ApplicationProgress> Applications { get; private set; } = [];

    public IReadOnlyList<Notification> Messages { get; private set; } = [];

    public int UnreadMessages { get; private set; }

    public string FeedUrl { get; private set; } = "";

    /// <summary>What other modules show of the organization's standing (grade, inspections, credit lists, funded projects).</summary>
    public IReadOnlyList<(string PartialPath, object Model)> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        var mine = await db.Set<OrganizationMember>().AsNoTracking().Where(m => m.UserId == userId).Select(m => m.OrganizationId).ToListAsync(cancellationToken);
        if (id is null)
        {
            if (mine.Count == 1)
            {
                return RedirectToPage(new { id = mine[0] });
            }

            Choices = await db.Set<Organization>().AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(cancellationToken);
            return Page();
        }

        if (!mine.Contains(id.Value) || await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        Obligations = await workspace.ObligationsAsync([organization.Id], cancellationToken);
        Applications = await workspace.ApplicationsAsync(organization.Id, cancellationToken);
        (Messages, _) = await inbox.PageAsync(userId, 1, MessageCount, cancellationToken);
        UnreadMessages = await inbox.UnreadCountAsync(userId, cancellationToken);
        var token = await workspace.FeedTokenAsync(organization.Id, userId, cancellationToken);
        FeedUrl = urls.Absolute(Request, $"{WorkspaceFeedEndpoint.Prefix}{token}.ics");
        var contributed = new List<(string, object)>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(organization.Id, cancellationToken) is { } model)
            {
                contributed.Add((section.PartialPath, model));
            }
        }

        Sections = contributed;
        return Page();
    }

    /// <summary>A new secret feed address (the old one stops working at once). Audited.</summary>
    public async Task<IActionResult> OnPostRegenerateFeedAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (!await db.Set<OrganizationMember>().AnyAsync(m => m.UserId == userId && m.OrganizationId == id, cancellationToken))
        {
            return NotFound();
        }

        await workspace.RegenerateFeedAsync(id, userId, cancellationToken);
        TempData["Flash"] = localizer["Org.Workspace.Feed.Regenerated"].Value;
        return RedirectToPage(new { id });
    }

    public static string BadgeFor(ObligationView view) => view switch
    {
        { Overdue: true } => "danger",
        { WorkingDaysLeft: <= 7 } => "warn",
        _ => "",
    };
}
