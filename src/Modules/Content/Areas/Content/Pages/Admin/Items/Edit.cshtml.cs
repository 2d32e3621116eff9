using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Domain;
using Registry.Content.Services;
using Registry.Core.Forms;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Items;

/// <summary>
/// Writes or edits an item: common fields, the type's own fields, the body (HTML in a textarea that the rich editor
/// enhances; it works without script). Each save is a new version; a form older than the item is refused with the
/// user's text kept. Writing needs the type's Create; editing its EditOwn (one's own items) or EditAny (<see cref="ContentTypePermissions"/>).
/// </summary>
[Permission(ContentPermissions.Create)]
public sealed class EditModel(ContentService content, ContentTypeRegistry types, DbContext db, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Type-specific fields by "part.field".</summary>
    [BindProperty]
    public Dictionary<string, string?> Parts { get; set; } = [];

    public ContentItem? Item { get; private set; }

    public IContentTypeDefinition Type { get; private set; } = null!;

    public bool Conflict { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Other-culture variants of this item (id, culture).</summary>
    public IReadOnlyList<(long Id, string Culture)> Variants { get; private set; } = [];

    public bool CanEdit { get; private set; } = true;

    public string? PublicUrl => Item is null ? null : types.UrlOf(Item, Now);

    public IReadOnlyList<ContentTrigger> Permitted => Item is null ? [] : ContentLifecycle.Permitted(Item.State);

    public async Task<IActionResult> OnGetAsync(long? id, string? type, string? culture, long? translationOf, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (!await LoadAsync(id.Value, cancellationToken))
            {
                return NotFound();
            }

            Input = InputModel.From(Item!, await content.VersionAsync(Item!.Id, Item.LatestVersion, cancellationToken));
            Parts = PartsOf(await content.VersionAsync(Item.Id, Item.LatestVersion, cancellationToken));
            return Page();
        }

        if (types.Find(type) is not { } definition)
        {
            return RedirectToPage("/Admin/Index", new { area = "Content" });
        }

        if (!User.May(definition.Name, ContentAction.Create))
        {
            return Forbid();
        }

        Type = definition;
        Input = new InputModel { Type = definition.Name, Culture = ContentCultures.IsKnown(culture) ? culture : ContentCultures.Chinese, TranslationOf = translationOf };
        if (translationOf is { } originalId && await content.FindAsync(originalId, cancellationToken) is { } original && original.Type == definition.Name)
        {
            // A translation starts from the original's fields (dates, numbers, category), to be written in the other language.
            var version = await content.VersionAsync(original.Id, original.LatestVersion, cancellationToken);
            Input.Slug = original.Slug;
            Input.Category = original.Category;
            Parts = PartsOf(version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (!await LoadAsync(id.Value, cancellationToken))
            {
                return NotFound();
            }

            if (!CanEdit)
            {
                return Forbid();
            }
        }
        else if (types.Find(Input.Type) is { } definition)
        {
            if (!User.May(definition.Name, ContentAction.Create))
            {
                return Forbid();
            }

            Type = definition;
        }
        else
        {
            return BadRequest();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var fields = new ContentFields(Input.Title ?? "", Input.Summary, Input.Body, Input.Slug ?? "", Input.Category, ToParts());
        if (Item is null)
        {
            var (created, result) = await content.CreateAsync(Type.Name, Input.Culture ?? ContentCultures.Chinese, Input.TranslationOf, fields, cancellationToken);
            if (!Report(result))
            {
                return Page();
            }

            Item = created;
        }
        else
        {
            var result = await content.SaveAsync(Item, fields, Input.Version, cancellationToken);
            if (result.Conflict)
            {
                // Keep everything typed; the form now carries the current row version, so saving again is a deliberate choice.
                Conflict = true;
                ModelState.AddModelError(string.Empty, localizer["Content.Item.Error.Conflict"]);
                await LoadAsync(Item.Id, cancellationToken);
                ModelState.Remove("Input.Version");
                Input.Version = Item!.Version;
                return Page();
            }

            if (!Report(result))
            {
                return Page();
            }
        }

        TempData["Flash"] = localizer["Content.Item.Admin.Saved", Item!.LatestVersion].Value;
        return RedirectToPage("/Admin/Items/Edit", new { area = "Content", id = Item.Id });
    }

    /// <summary>Submits the latest version for review (the author, or an editor of any item).</summary>
    public async Task<IActionResult> OnPostSubmitAsync(long id, long version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await content.FireAsync(Item!, ContentTrigger.Submit, version, null, null, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Flash"] = result.Conflict ? localizer["Content.Item.Error.Conflict"].Value : string.Join(" ", result.Errors.Select(e => localizer.Describe(e)));
        }
        else
        {
            TempData["Flash"] = localizer["Content.Item.Admin.Done", localizer["Content.Item.Trigger.Submit"]].Value;
        }

        return RedirectToPage("/Admin/Items/Edit", new { area = "Content", id });
    }

    public string? FieldValue(ContentPart part, ContentField field) => Parts.GetValueOrDefault($"{part.Name}.{field.Name}");

    private ContentParts ToParts()
    {
        var parts = new ContentParts();
        foreach (var part in Type.Parts)
        {
            foreach (var field in part.Fields)
            {
                parts[part.Name, field.Name] = Parts.GetValueOrDefault($"{part.Name}.{field.Name}")?.Replace("\r\n", "\n", StringComparison.Ordinal);
            }
        }

        return parts;
    }

    private Dictionary<string, string?> PartsOf(ContentVersion? version)
    {
        var values = ContentParts.Parse(version?.PartsJson);
        return Type.Parts.SelectMany(p => p.Fields.Select(f => (Key: $"{p.Name}.{f.Name}", Value: values[p.Name, f.Name]))).ToDictionary(x => x.Key, x => x.Value);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Item = await content.FindAsync(id, cancellationToken);
        if (Item is null || types.Find(Item.Type) is not { } definition)
        {
            return false;
        }

        Type = definition;
        CanEdit = User.MayEdit(Item.Type, await content.IsOwnAsync(Item, cancellationToken));
        Variants = [.. (await db.Set<ContentItem>().AsNoTracking().Where(i => i.TranslationKey == Item.TranslationKey && i.Id != Item.Id).Select(i => new { i.Id, i.Culture }).ToListAsync(cancellationToken)).Select(v => (v.Id, v.Culture))];
        return true;
    }

    private bool Report(OperationResult result)
    {
        ModelState.AddResult(result, localizer, "Input.", "Content.Item.Error.Conflict");
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal) && k.Count(c => c == '.') == 2).ToList())
        {
            // Part fields are reported as "part.field": they live under Parts[...] in the form.
            var entry = ModelState[key]!;
            var partKey = "Parts[" + key["Input.".Length..] + "]";
            foreach (var error in entry.Errors)
            {
                ModelState.AddModelError(partKey, error.ErrorMessage);
            }

            ModelState.Remove(key);
        }

        return result.Succeeded;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }

        public string? Type { get; set; }

        public string? Culture { get; set; }

        public long? TranslationOf { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(ContentItem.MaxTitle, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Item.Field.Title")]
        [NoBidiControls]
        public string? Title { get; set; }

        [StringLength(ContentItem.MaxSummary, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Item.Field.Summary")]
        public string? Summary { get; set; }

        [StringLength(ContentItem.MaxBody, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Item.Field.Body")]
        public string? Body { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(ContentItem.MaxSlug, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Content.Item.Field.Slug")]
        public string? Slug { get; set; }

        [Display(Name = "Content.Item.Field.Category")]
        public string? Category { get; set; }

        public static InputModel From(ContentItem item, ContentVersion? version) => new()
        {
            Version = item.Version,
            Type = item.Type,
            Culture = item.Culture,
            Title = version?.Title ?? item.Title,
            Summary = version?.Summary,
            Body = version?.BodyHtml,
            Slug = item.Slug,
            Category = item.Category,
        };
    }
}
