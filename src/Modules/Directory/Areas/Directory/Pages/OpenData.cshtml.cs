using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Directory.Areas.Directory.Pages;

/// <summary>What the open data contains, its licence, and the download links.</summary>
[AllowAnonymous]
public sealed class OpenDataModel : PageModel
{
}
