using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Modularity;
using Registry.Core.Notifications;
using Registry.Core.Security;

namespace Registry.Platform.Pages.Account;

/// <summary>Any signed-in user: their own in-app notices.</summary>
[Authorize]
public sealed class NotificationsModel(INotificationInbox inbox) : PageModel
{
    private const int PageSize = 20;

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var userId = User.UserId()!;
        (Items, var total) = await inbox.PageAsync(userId, Math.Max(1, p), PageSize, cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        if (page != p)
        {
            (Items, _) = await inbox.PageAsync(userId, page, PageSize, cancellationToken);
        }

        Paging = new PageInfo(page, PageSize, total, n => $"?p={n}");
    }

    /// <summary>Opens a notice: marks it read, then goes where it points (or back to the list when it points nowhere local).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        var notification = await inbox.OpenAsync(User.UserId()!, id, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        return notification.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(User.UserId()!, cancellationToken);
        return RedirectToPage();
    }
}
