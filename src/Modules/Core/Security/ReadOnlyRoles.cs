using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Registry.Core.Security;

/// <summary>
/// Roles that only read (局领导). A principal whose every role is read-only is refused (403) on any module page's POST, PUT,
/// PATCH or DELETE, whatever permissions a role editor may later grant it; the host's own pages (sign-in and out, language,
/// the account's password) have no area and stay usable.
/// </summary>
public static class ReadOnlyRoles
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { RegistryRoles.Leadership };

    /// <summary>Whether the signed-in principal holds at least one role and all of its roles are read-only.</summary>
    public static bool IsReadOnly(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var roles = user.FindAll(user.Identities.First().RoleClaimType).Select(c => c.Value).ToList();
        return roles.Count > 0 && roles.All(All.Contains);
    }
}

/// <summary>Applies <see cref="ReadOnlyRoles"/> to every module page and controller action.</summary>
internal sealed class ReadOnlyRoleFilter : IAsyncResourceFilter
{
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && context.RouteData.Values.TryGetValue("area", out var area) && area is string { Length: > 0 }
            && ReadOnlyRoles.IsReadOnly(context.HttpContext.User))
        {
            context.Result = new ForbidResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
