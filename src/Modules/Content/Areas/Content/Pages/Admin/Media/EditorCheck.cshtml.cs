using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Media;

/// <summary>
/// Tries the rich editor on a throwaway body: nothing is saved, the posted HTML is shown back as text. It exercises the
/// editor contract (a <c>textarea[data-rich-editor]</c> plus <c>_RichEditorAssets</c>) apart from the content items' pages.
/// </summary>
[Permission(ContentPermissions.Create)]
public sealed class EditorCheckModel : PageModel
{
    [BindProperty]
    public string? Body { get; set; }

    /// <summary>What the browser posted (null before the first post).</summary>
    public string? Posted { get; private set; }

    public IActionResult OnPost()
    {
        Posted = Body ?? "";
        return Page();
    }
}
