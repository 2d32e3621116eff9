using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin;

/// <summary>The content back office's start: counts by state, what waits for review, and new items per type.</summary>
[Permission(ContentPermissions.Create)]
public sealed class IndexModel(DbContext db, ContentTypeRegistry types) : PageModel
{
    public IReadOnlyCollection<IContentTypeDefinition> Types => types.All;

    public IReadOnlyDictionary<ContentState, int> ByState { get; private set; } = new Dictionary<ContentState, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<ContentItem>().GroupBy(i => i.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        ByState = counts.ToDictionary(c => c.Key, c => c.Count);
    }
}
