using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services.Media;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Media;

/// <summary>
/// JSON for the editor's media picker: GET lists (and searches) the library, POST uploads one file from the editor. The
/// POST is a Razor Pages handler, so the anti-forgery token (header <c>RequestVerificationToken</c> or form field) is required.
/// </summary>
[Permission(ContentPermissions.Create)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class PickerModel(DbContext db, MediaLibrary library, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 24;

    /// <summary>
    /// One page of the library, newest first: a search (<paramref name="q"/>) looks through every folder, else one
    /// folder. <paramref name="kind"/>: <c>image</c> (the default) for images only, <c>file</c> for documents, <c>all</c>.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string? q, int? folder, string? kind, int p = 1, CancellationToken cancellationToken = default)
    {
        var files = db.Set<MediaFile>().AsNoTracking();
        files = kind switch
        {
            "all" => files,
            "file" => files.Where(m => m.Kind != FileKind.Jpeg && m.Kind != FileKind.Png),
            _ => files.Where(m => m.Kind == FileKind.Jpeg || m.Kind == FileKind.Png),
        };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var query = q.Trim();
            files = files.Where(m => m.Name.Contains(query) || (m.AltText != null && m.AltText.Contains(query)) || (m.Caption != null && m.Caption.Contains(query)));
        }
        else if (folder is not null)
        {
            files = files.Where(m => m.FolderId == folder);
        }

        var total = await files.CountAsync(cancellationToken);
        var page = Core.Modularity.PageInfo.Clamp(p, PageSize, total);
        var items = await files.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Include(m => m.Renditions)
            .ToListAsync(cancellationToken);
        return new JsonResult(new PickerPage([.. items.Select(PickerItem.From)], total, page, PageSize));
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? altText, string? caption, int? folderId, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Refused(OperationResult.Fail("File", "Content.Media.Error.NoFile"));
        }

        await using var stream = file.OpenReadStream();
        var uploaded = await library.UploadAsync(stream, new MediaUpload(folderId, file.FileName, altText, caption), cancellationToken);
        return uploaded.Result.Succeeded
            ? new JsonResult(PickerItem.From(uploaded.File!))
            : Refused(uploaded.Result);
    }

    private BadRequestObjectResult Refused(OperationResult result) =>
        BadRequest(new { errors = result.Errors.Select(e => new { field = e.Field, message = localizer.Describe(e) }) });

    public sealed record PickerPage(IReadOnlyList<PickerItem> Items, int Total, int Page, int PageSize);

    /// <summary>
    /// A file as the picker shows it: <c>Url</c> is the original's public address, <c>DisplayUrl</c> what a page body
    /// should show (the 800-pixel rendition when there is one), <c>Thumbnail</c> the smallest rendition for the grid.
    /// </summary>
    public sealed record PickerItem(long Id, string Name, bool IsImage, string ContentType, long Size, int? Width, int? Height, string? AltText, string? Caption, string Url, string DisplayUrl, string Thumbnail)
    {
        public const int DisplayWidth = 800;

        public static PickerItem From(MediaFile media)
        {
            ArgumentNullException.ThrowIfNull(media);
            var display = media.Renditions.Any(r => r.Width == DisplayWidth)
                ? MediaUrls.Rendition(media.Id, DisplayWidth, media.Name)
                : MediaUrls.File(media.Id, media.Name);
            return new PickerItem(media.Id, media.Name, media.IsImage, media.ContentType, media.Size, media.Width, media.Height, media.AltText, media.Caption,
                MediaUrls.File(media.Id, media.Name), display, MediaUrls.Thumbnail(media));
        }
    }
}
