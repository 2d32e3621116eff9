using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Core.Security;

namespace Registry.Web.Identity;

/// <summary>Puts the display name into the cookie so every page can greet the person by name without a query.</summary>
internal sealed class RegistryClaimsFactory(UserManager<RegistryUser> users, RoleManager<RegistryRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RegistryUser, RegistryRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RegistryUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(RegistryClaims.DisplayName, user.DisplayName));
        }

        return identity;
    }
}
