using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Documents.Domain;
using Registry.Documents.Services;

namespace Registry.Documents.Areas.Documents.Pages.Admin;

/// <summary>One issued document with its history; an officer may reissue a corrected one that supersedes it.</summary>
[Permission(DocumentsPermissions.ViewAll)]
public sealed class DocumentModel(DbContext db, DocumentService documents, IStringLocalizer localizer) : PageModel
{
    public IssuedDocument Item { get; private set; } = null!;

    public IReadOnlyList<IssuedDocument> History { get; private set; } = [];

    public bool CanReissue { get; private set; }

    [BindProperty]
    public ReissueForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (fields, items) = DocumentService.ReadFields(Item);
        Form = new ReissueForm { Holder = Item.HolderName, Fields = fields.ToDictionary(p => p.Key, p => (string?)p.Value), Items = string.Join('\n', items) };
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanReissue)
        {
            return Forbid();
        }

        // Only the fields the document already has can be corrected: a posted unknown key is ignored.
        var (known, _) = DocumentService.ReadFields(Item);
        var fields = known.ToDictionary(p => p.Key, p => Form.Fields.GetValueOrDefault(p.Key)?.Trim() ?? "");
        var items = (Form.Items ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var (result, issued) = await documents.ReissueAsync(id, Form.Holder, fields, items, Form.Reason, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, localizer, "Form.");
            return Page();
        }

        TempData["Message"] = localizer["Documents.Done.Reissued", issued!.Number].Value;
        return Redirect($"/Documents/Admin/Document/{issued.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        History = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.Source == item.Source).OrderBy(d => d.Revision).ToListAsync(cancellationToken);
        CanReissue = User.HasPermission(DocumentsPermissions.Reissue) && item.SupersededById is null;
        return true;
    }

    public sealed class ReissueForm
    {
        public string? Holder { get; set; }

        public Dictionary<string, string?> Fields { get; set; } = [];

        public string? Items { get; set; }

        public string? Reason { get; set; }
    }
}
