using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Core.Settings;

namespace Registry.Platform.Pages.Admin.Settings;

/// <summary>One settings section, rendered from its fields; saved through the section (validated, audited, version-checked).</summary>
[Permission(CorePermissions.ManageSettings)]
public sealed class SectionModel(IEnumerable<ISettingsSection> sections, IStringLocalizer localizer) : PageModel
{
    public ISettingsSection Section { get; private set; } = null!;

    /// <summary>Field name → text shown (posted as <c>Values[name]</c>, read from the form by the section's field names).</summary>
    public Dictionary<string, string> Values { get; private set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } section)
        {
            return NotFound();
        }

        Section = section;
        await ShowStoredAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } section)
        {
            return NotFound();
        }

        Section = section;
        // Only the section's own fields; an empty text box posts "" (absent would mean "keep").
        var posted = section.Fields.ToDictionary(f => f.Name, f => Request.Form[$"Values[{f.Name}]"].ToString(), StringComparer.Ordinal);
        Values = posted;
        var result = await section.SaveAsync(posted, Version, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Flash"] = localizer["Admin.Settings.Saved", localizer[section.TitleKey].Value].Value;
            return RedirectToPage("/Admin/Settings/Section", new { id });
        }

        ModelState.Clear();
        ModelState.AddResult(result, localizer, "Values.");
        if (result.Conflict)
        {
            // Show what is stored now and its version, so the change can be made again knowingly.
            await ShowStoredAsync(cancellationToken);
        }

        return Page();
    }

    private ISettingsSection? Find(string id) => sections.FirstOrDefault(s => s.Id == id);

    private async Task ShowStoredAsync(CancellationToken cancellationToken)
    {
        var snapshot = await Section.LoadAsync(cancellationToken);
        Values = snapshot.Values.ToDictionary();
        Version = snapshot.Version;
    }
}
