using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Items;

/// <summary>All content items, drafts included, filtered by type, state and language, newest change first.</summary>
[Permission(ContentPermissions.Create)]
public sealed class IndexModel(DbContext db, ContentTypeRegistry types, TimeProvider clock) : PageModel
{
    private const int PageSize = 25;

    public IReadOnlyCollection<IContentTypeDefinition> Types => types.All;

    public string? Type { get; private set; }

    public ContentState? State { get; private set; }

    public string? Culture { get; private set; }

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public DateTime Now { get; private set; }

    public int Levels(ContentItem item) => types.Find(item?.Type)?.ReviewLevels ?? 1;

    public bool IsUnfiltered => Type is null && State is null && Culture is null;

    public async Task OnGetAsync(string? type, string? state, string? culture, int p = 1, CancellationToken cancellationToken = default)
    {
        Type = types.Find(type)?.Name;
        State = Enum.TryParse<ContentState>(state, out var s) && Enum.IsDefined(s) ? s : null;
        Culture = ContentCultures.IsKnown(culture) ? culture : null;
        Now = clock.GetUtcNow().UtcDateTime;
        var items = db.Set<ContentItem>().AsNoTracking();
        if (Type is not null)
        {
            items = items.Where(i => i.Type == Type);
        }

        if (State is { } stateFilter)
        {
            items = items.Where(i => i.State == stateFilter);
        }

        if (Culture is not null)
        {
            items = items.Where(i => i.Culture == Culture);
        }

        var total = await items.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Items = await items.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, n => $"?type={Type}&state={State}&culture={Culture}&p={n}");
    }
}
