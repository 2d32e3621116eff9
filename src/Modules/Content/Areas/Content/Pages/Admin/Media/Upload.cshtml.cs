using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services.Media;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Media;

/// <summary>Uploads one file into a folder: images need alt text; the type is read from the bytes, not the name.</summary>
[Permission(ContentPermissions.Create)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class UploadModel(MediaLibrary library, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<SelectListItem> FolderOptions { get; private set; } = [];

    public async Task OnGetAsync(int? folder, CancellationToken cancellationToken)
    {
        Input.FolderId = folder;
        await PrepareAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), localizer["Content.Media.Error.NoFile"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        var uploaded = await library.UploadAsync(stream, new MediaUpload(Input.FolderId, Upload.FileName, Input.AltText, Input.Caption), cancellationToken);
        if (!uploaded.Result.Succeeded)
        {
            ModelState.AddResult(uploaded.Result, localizer, "Input.");
            return Page();
        }

        TempData["Flash"] = localizer["Content.Media.Uploaded", uploaded.File!.Name].Value;
        return RedirectToPage("/Admin/Media/Edit", new { area = "Content", id = uploaded.File.Id });
    }

    private async Task PrepareAsync(CancellationToken cancellationToken) =>
        FolderOptions = MediaFolderOptions.For(await library.FoldersAsync(cancellationToken), localizer);

    public sealed class InputModel
    {
        [Display(Name = "Content.Media.Field.Folder")]
        public int? FolderId { get; set; }

        [StringLength(MediaFile.MaxAlt, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Media.Field.AltText")]
        public string? AltText { get; set; }

        [StringLength(MediaFile.MaxCaption, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Media.Field.Caption")]
        public string? Caption { get; set; }
    }
}
