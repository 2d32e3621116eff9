using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Items;

/// <summary>签发: publish now or at a future instant (Beijing time), unpublish, archive.</summary>
[Permission(ContentPermissions.Publish)]
public sealed class PublishModel(ContentService content, DbContext db, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    /// <summary>Beijing local time, "yyyy-MM-ddTHH:mm" (an input of type datetime-local).</summary>
    [BindProperty]
    public string? PublishAt { get; set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IReadOnlyList<ContentTrigger> Permitted => ContentLifecycle.Permitted(Item.State);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return User.May(Item.Type, ContentAction.Publish) ? Page() : Forbid();
    }

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken) => FireAsync(id, ContentTrigger.Publish, cancellationToken);

    public Task<IActionResult> OnPostScheduleAsync(long id, CancellationToken cancellationToken) => FireAsync(id, ContentTrigger.Schedule, cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(long id, CancellationToken cancellationToken) => FireAsync(id, ContentTrigger.Unpublish, cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken cancellationToken) => FireAsync(id, ContentTrigger.Archive, cancellationToken);

    private async Task<IActionResult> FireAsync(long id, ContentTrigger trigger, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!User.May(Item.Type, ContentAction.Publish))
        {
            return Forbid();
        }

        DateTime? at = null;
        if (trigger == ContentTrigger.Schedule)
        {
            if (!DateTime.TryParseExact(PublishAt, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                ModelState.AddModelError(nameof(PublishAt), localizer.Describe("Validation.Required", ["Content.Item.Field.PublishAt"]));
                return Page();
            }

            if (!InputLimits.IsSaneInstant(local))
            {
                ModelState.AddModelError(nameof(PublishAt), localizer[InputLimits.ErrorDateRange, InputLimits.DateRangeArgs]);
                return Page();
            }

            at = ChinaTime.StartUtc(DateOnly.FromDateTime(local)).Add(local.TimeOfDay);
        }

        var result = await content.FireAsync(Item, trigger, Version, null, at, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "", "Content.Item.Error.Conflict");
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Flash"] = localizer["Content.Item.Admin.Done", localizer[$"Content.Item.Trigger.{trigger}"]].Value;
        return RedirectToPage("/Admin/Items/Edit", new { area = "Content", id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Item = (await content.FindAsync(id, cancellationToken))!;
        return Item is not null;
    }
}
