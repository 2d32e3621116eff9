using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Platform.Pages.Account;

[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel;
