using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Auditing;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Documents.Domain;
using Registry.Documents.Services;

namespace Registry.Documents.Areas.Documents.Pages.Admin;

/// <summary>
/// The document templates (Liquid, checked by parsing and a trial render before saving) and the 文号 format of each kind;
/// both take effect for the next document issued, and both are audited.
/// </summary>
[Permission(DocumentsPermissions.ManageTemplates)]
public sealed class TemplatesModel(DbContext db, DocumentService documents, ISettings settings, IAuditTrail audit, ICurrentActor actor, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(DocumentKind Kind, string Format, bool Customized)> Kinds { get; private set; } = [];

    public DocumentKind? Selected { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(string? kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, cancellationToken))
        {
            return NotFound();
        }

        if (Selected is { } selected)
        {
            Body = await documents.TemplateAsync(selected, cancellationToken);
            Format = await documents.NumberFormatAsync(selected, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTemplateAsync(string? kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, cancellationToken) || Selected is not { } selected)
        {
            return NotFound();
        }

        Format ??= await documents.NumberFormatAsync(selected, cancellationToken);
        if (string.IsNullOrWhiteSpace(Body) || Body.Length > DocumentTemplate.MaxBody)
        {
            ModelState.AddModelError(nameof(Body), localizer["Documents.Error.TemplateRequired", DocumentTemplate.MaxBody]);
            return Page();
        }

        if (DocumentTemplates.Check(Body) is { } error)
        {
            ModelState.AddModelError(nameof(Body), localizer["Documents.Error.TemplateInvalid", error]);
            return Page();
        }

        var template = await db.Set<DocumentTemplate>().SingleOrDefaultAsync(t => t.Kind == selected, cancellationToken);
        if (template is null)
        {
            template = new DocumentTemplate { Kind = selected };
            db.Add(template);
        }

        template.Body = Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        template.UpdatedBy = actor.Name;
        audit.Record("documents.template-saved", nameof(DocumentTemplate), selected.ToString(), $"{selected}: {template.Body.Length} characters");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = localizer["Documents.Done.TemplateSaved"].Value;
        return Redirect($"/Documents/Admin/Templates?kind={selected}");
    }

    public async Task<IActionResult> OnPostFormatAsync(string? kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, cancellationToken) || Selected is not { } selected)
        {
            return NotFound();
        }

        Body ??= await documents.TemplateAsync(selected, cancellationToken);
        Format = Format?.Trim();
        if (DocumentNumbers.Validate(Format) is { } error)
        {
            // Only the length message takes an argument: the others show {year} and {seq} literally.
            ModelState.AddModelError(nameof(Format), error == "Documents.Error.NumberFormatTooLong" ? localizer[error, DocumentNumbers.MaxPatternLength] : localizer[error]);
            return Page();
        }

        await settings.SetAsync(DocumentKinds.NumberFormatSetting(selected), Format!, cancellationToken);
        audit.Record("documents.number-format-saved", nameof(DocumentTemplate), selected.ToString(), $"{selected}: {Format}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = localizer["Documents.Done.FormatSaved"].Value;
        return Redirect($"/Documents/Admin/Templates?kind={selected}");
    }

    /// <summary>The example number the format gives for this year's first document.</summary>
    public string Example(string format) =>
        DocumentNumbers.Validate(format) is null ? DocumentNumbers.Format(format, Core.Localization.ChinaTime.Today(clock).Year, 1) : "";

    private async Task<bool> LoadAsync(string? kind, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Enum.TryParse<DocumentKind>(kind, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
            {
                return false;
            }

            Selected = parsed;
        }

        var customized = await db.Set<DocumentTemplate>().Select(t => t.Kind).ToListAsync(cancellationToken);
        var rows = new List<(DocumentKind, string, bool)>();
        foreach (var k in DocumentKinds.All)
        {
            rows.Add((k, await documents.NumberFormatAsync(k, cancellationToken), customized.Contains(k)));
        }

        Kinds = rows;
        return true;
    }
}
