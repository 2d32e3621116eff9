using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core;
using Registry.Core.Security;
using Registry.Core.Settings;

namespace Registry.Platform.Pages.Admin.Settings;

/// <summary>Every settings section the modules offer (issue 19: what recipes set, editable in the back office).</summary>
[Permission(CorePermissions.ManageSettings)]
public sealed class IndexModel(IEnumerable<ISettingsSection> sections) : PageModel
{
    public IReadOnlyList<ISettingsSection> Sections { get; } = [.. sections.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal)];
}
