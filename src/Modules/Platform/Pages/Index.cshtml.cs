using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Platform.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel;
