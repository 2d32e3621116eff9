using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;

namespace Registry.Content.Areas.Content.Pages.Admin.Site;

/// <summary>The site's shape: menus, the composed home page and the footer settings.</summary>
[Permission(ContentPermissions.ManageSite)]
public sealed class IndexModel : PageModel;
