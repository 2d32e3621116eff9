using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;
using Registry.Platform.Identity;

namespace Registry.Platform.Pages.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<RegistryUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = TokenCodec.Decode(code);
        if (userId is null || token is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
