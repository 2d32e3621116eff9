using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Items;

/// <summary>
/// The review queue (items waiting at a review level) and the decision on one item: approve the current level or return
/// to draft with a reason. A reviewer never approves an item they wrote or last edited.
/// </summary>
[Permission(ContentPermissions.Review)]
public sealed class ReviewModel(ContentService content, ContentTypeRegistry types, ContentViews views, DbContext db, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<ContentItem> Queue { get; private set; } = [];

    public ContentItem? Item { get; private set; }

    public ContentView? View { get; private set; }

    public bool IsOwn { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public int Levels(ContentItem item) => types.Find(item?.Type)?.ReviewLevels ?? 1;

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            // The queue holds the types this user may review.
            var reviewable = types.All.Select(t => t.Name).Where(t => User.May(t, ContentAction.Review)).ToList();
            if (reviewable.Count == 0)
            {
                return Forbid();
            }

            Queue = await db.Set<ContentItem>().AsNoTracking().Where(i => i.State == ContentState.Submitted && reviewable.Contains(i.Type)).OrderBy(i => i.UpdatedAt).ToListAsync(cancellationToken);
            return Page();
        }

        if (!await LoadAsync(id.Value, cancellationToken))
        {
            return NotFound();
        }

        return User.May(Item!.Type, ContentAction.Review) ? Page() : Forbid();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) => DecideAsync(id, ContentTrigger.Approve, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken cancellationToken) => DecideAsync(id, ContentTrigger.Return, cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, ContentTrigger trigger, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!User.May(Item!.Type, ContentAction.Review))
        {
            return Forbid();
        }

        var result = await content.FireAsync(Item!, trigger, Version, Reason, null, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "", "Content.Item.Error.Conflict");
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Content.Item.Admin.Done", localizer[$"Content.Item.Trigger.{trigger}"]].Value;
        return RedirectToPage("/Admin/Items/Review", new { area = "Content" });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Item = await content.FindAsync(id, cancellationToken);
        if (Item is null)
        {
            return false;
        }

        var version = await content.VersionAsync(Item.Id, Item.LatestVersion, cancellationToken);
        View = await views.BuildAsync(Item, version!, false, [], cancellationToken);
        IsOwn = await content.IsOwnAsync(Item, cancellationToken);
        return true;
    }
}
