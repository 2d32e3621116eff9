using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Registry.Content.Domain;
using Registry.Content.Services.Media;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Media;

/// <summary>The media library: one folder's subfolders and files (or a search across all folders), newest first.</summary>
[Permission(ContentPermissions.Create)]
public sealed class IndexModel(DbContext db, MediaLibrary library) : PageModel
{
    public const int PageSize = 30;

    public string? Query { get; private set; }

    public MediaFolder? Folder { get; private set; }

    /// <summary>From the root down to the current folder's parent.</summary>
    public IReadOnlyList<MediaFolder> Path { get; private set; } = [];

    public IReadOnlyList<MediaFolder> Subfolders { get; private set; } = [];

    public IReadOnlyList<MediaFile> Files { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    public bool CanDelete => User.HasPermission(ContentPermissions.Delete);

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(int? folder, string? q, int p = 1, CancellationToken cancellationToken = default)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var folders = await library.FoldersAsync(cancellationToken);
        if (folder is not null)
        {
            Folder = folders.SingleOrDefault(f => f.Id == folder);
            if (Folder is null)
            {
                return NotFound();
            }

            var path = new List<MediaFolder>();
            for (var parent = folders.SingleOrDefault(f => f.Id == Folder.ParentId); parent is not null && path.Count < folders.Count; parent = folders.SingleOrDefault(f => f.Id == parent.ParentId))
            {
                path.Insert(0, parent);
            }

            Path = path;
        }

        var files = db.Set<MediaFile>().AsNoTracking();
        if (Query is not null)
        {
            // A search looks through every folder: editors remember names, not where they filed them.
            files = files.Where(m => m.Name.Contains(Query) || (m.AltText != null && m.AltText.Contains(Query)) || (m.Caption != null && m.Caption.Contains(Query)));
        }
        else
        {
            Subfolders = [.. folders.Where(f => f.ParentId == folder)];
            files = files.Where(m => m.FolderId == folder);
        }

        var total = await files.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Files = await files.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Include(m => m.Renditions)
            .ToListAsync(cancellationToken);
        Paging = new PageInfo(page, PageSize, total, UrlFor);
        return Page();
    }

    private string UrlFor(int page) => $"?folder={Folder?.Id}&q={Uri.EscapeDataString(Query ?? "")}&p={page}";
}
