using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Content.Services.Media;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Media;

/// <summary>One file: its addresses and renditions, where it is used, and rename / move / alt text / caption.</summary>
[Permission(ContentPermissions.Create)]
public sealed class EditModel(MediaLibrary library, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MediaFile Media { get; private set; } = null!;

    public IReadOnlyList<MediaReference> Uses { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FolderOptions { get; private set; } = [];

    public bool CanDelete => User.HasPermission(ContentPermissions.Delete);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } media)
        {
            return NotFound();
        }

        Media = media;
        Input = InputModel.From(media);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } media)
        {
            return NotFound();
        }

        Media = media;
        if (ModelState.IsValid)
        {
            var result = await library.UpdateAsync(media, new MediaChanges(Input.Name ?? "", Input.FolderId, Input.AltText, Input.Caption), Input.Version, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = localizer["Content.Media.Saved", media.Name].Value;
                return RedirectToPage("/Admin/Media/Edit", new { area = "Content", id = media.Id });
            }

            ModelState.AddResult(result, localizer, "Input.");
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        FolderOptions = MediaFolderOptions.For(await library.FoldersAsync(cancellationToken), localizer);
        Uses = await library.FindUsesAsync(Media.Id, cancellationToken);
    }

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(MediaFile.MaxName, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Media.Field.Name")]
        public string? Name { get; set; }

        [Display(Name = "Content.Media.Field.Folder")]
        public int? FolderId { get; set; }

        [StringLength(MediaFile.MaxAlt, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Media.Field.AltText")]
        public string? AltText { get; set; }

        [StringLength(MediaFile.MaxCaption, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Media.Field.Caption")]
        public string? Caption { get; set; }

        public static InputModel From(MediaFile media) => new()
        {
            Version = media.Version,
            Name = media.Name,
            FolderId = media.FolderId,
            AltText = media.AltText,
            Caption = media.Caption,
        };
    }
}
